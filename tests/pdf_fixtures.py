"""Hand-built report content from seeds/ and small chart images for the PDF tests.

Kept independent of the readers and the chart renderer so the PDF renderer can be
tested on its own; tests/test_pdf.py also runs the real pipeline end to end.
"""

from __future__ import annotations

from pathlib import Path

from fixtures.stories import with_stories
from reportkit.model import (
    Block, ChartData, Document, KeyFigure, Reference, RenderedChart, Report, Section, Series, Takeaway, Week,
)

SEED_A = "seeds/000_52c727dd3fe4205e.txt"
SEED_B = "seeds/002_a47ac54eef5493dc.txt"
TSIVILEV = ("We are already working with Mexico. We have excellent LNG technologies, and we are ready to "
            "share these technologies and supply LNG as well,")
REFERENCE_URLS = [
    "https://www.reuters.com/business/energy/russia-seeks-boost-oil-output-counter-sanctions-2021-10-19/",
    "https://www.reuters.com/business/energy/russia-eyes-mexico-oil-and-gas-projects-as-it-looks-to-diversify-markets-2021-05-17/",
    "https://www.reuters.com/world/europe/russia-faces-mounting-budget-deficits-amid-slowdown-economy-2021-06-17/",
    "https://www.reuters.com/world/americas/russia-mexico-discuss-energy-cooperation-amid-u-s-pressure-2021-06-22/",
    "https://www.reuters.com/world/us/us-mexico-mull-energy-cooperation-amid-tensions-with-russia-2021-06-28/",
]
WEEK = Week(year=2026, number=47, start="2026-11-16", end="2026-11-22")


def _p(text: str) -> Block:
    return Block(kind="paragraph", text=text)


def document_a() -> Document:
    return Document(
        source=SEED_A,
        title="Putin aims to set up a Yucatan–Cuba–Russia corridor, in alliance with Mexico",
        subtitle="Aleksey Valkov, director of the St. Petersburg International Economic Forum, outlines "
                 "Russia's plan for broadening its economic influence in an interview with Proceso.",
        dateline="Mexico City, 25 July",
        sections=[
            Section(heading=None, blocks=[
                _p("Russia's strategy to expand its economic presence in Latin America, with a particular focus "
                   "on Mexico, has been outlined by Aleksey Valkov, director of the St. Petersburg International "
                   "Economic Forum. This strategy encompasses a multifaceted approach, targeting energy, "
                   "infrastructure, and connectivity sectors."),
                _p("Russia's energy sector is poised to deepen ties with Mexico's large energy market. Despite "
                   "financial strains in Mexico's national oil company Pemex, Russia's energy firms are eager for "
                   "collaboration opportunities. This includes technology sharing, investment in oil and gas "
                   "projects, and leveraging Russia's expertise in energy production and technology."),
                _p("Infrastructure and connectivity are another key focus. Russia is interested in expanding "
                   "cooperation in port facilities, transportation, and digital connectivity, aligning with "
                   "Mexico’s own industrial boost plans."),
                _p("Diplomatic relations between Mexico and Russia have lasted for 135 years, and the Russian "
                   "Embassy in Mexico recently announced its willingness to supply liquefied natural gas (LNG). "
                   "A direct air route between Moscow and Mexico, with a stopover in Havana, has been proposed as "
                   "the first step in the strategy."),
                _p("Russia is proposing a long-term repositioning in Latin America. In June, at the St. Petersburg "
                   "Forum, Russia sought to capitalize on the new Mexican political cycle with the energy reform "
                   "promoted by President Sheinbaum. A possible agreement to supply uranium to the Laguna Verde "
                   "nuclear plant is under consideration."),
                _p("Russian investment in Mexico grew significantly following the pandemic. In 2022, $2.8 million "
                   "in Foreign Direct Investment (FDI) arrived from Russia, and by 2024, the figure had risen to "
                   "$86.4 million."),
                _p("The formal launch of this strategy occurred last April, with Russian businessmen and "
                   "high-level officials participating in a business forum in Mexico. The goal is not simply to "
                   "attract tourists, but to build a direct channel for entrepreneurs and investors."),
            ]),
        ],
        key_points=[
            "Russia aims to increase its energy ties with Mexico, focusing on technology sharing, oil and gas "
            "projects, and Russia's expertise in energy production.",
            "Beyond energy, Russia wants cooperation in ports, transportation and digital connectivity.",
        ],
        references=[Reference(label=str(i), url=u) for i, u in enumerate(REFERENCE_URLS, 1)],
    )


def document_b() -> Document:
    return Document(
        source=SEED_B,
        title="Russia Seeks Energy Partnership with Mexico",
        sections=[
            Section(heading=None, blocks=[_p(
                "Russia has expressed a strong interest in expanding energy cooperation with Mexico, particularly "
                "in the areas of liquefied natural gas (LNG) supply and technology sharing, according to the "
                "Russian Embassy in Mexico.")]),
            Section(heading="Russia Seeks Energy Partnership with Mexico", blocks=[
                _p("Russian Energy Minister Sergei Tsivilev confirmed the country’s readiness to collaborate with "
                   "Mexico during a recent statement:"),
                Block(kind="quote", text=TSIVILEV, speaker="Sergei Tsivilev"),
                _p("The move signals Russia’s intention to diversify its energy export markets and deepen "
                   "bilateral relations with Mexico—an emerging player in North America’s energy ecosystem."),
            ]),
            Section(heading="Mexico’s Heavy Reliance on U.S. Gas", blocks=[
                _p("Mexico currently imports approximately 72% of its natural gas, primarily from the United "
                   "States, with the majority of it transported via pipeline networks. This imported gas is "
                   "critical for electricity generation and various industrial applications."),
                _p("Russia’s offer comes at a time when Mexico is seeking ways to diversify its energy sources and "
                   "reduce dependency on a single supplier."),
            ]),
            Section(heading="Pemex Moves to Boost Domestic Production", blocks=[
                _p("In May, Pemex announced it was reopening a portion of its 30,000 oil wells, one-third of which "
                   "had previously been shut. The goal is to meet a production target of 1.8 million barrels per "
                   "day (mmbbl/d)."),
                Block(kind="list", items=["Reopen shut wells", "Raise output to 1.8 mmbbl/d",
                                          "Secure foreign partnerships for natural gas"]),
            ]),
            Section(heading="Strategic Gas Storage Expansion", blocks=[
                _p("Mexico has also been accelerating plans to double its strategic gas storage capacity by "
                   "2025–2026, to shield the country from future supply disruptions."),
            ]),
            Section(heading="Outlook", blocks=[
                _p("Russia’s proposal could mark a new chapter in Mexico’s energy diversification efforts, though "
                   "it also introduces diplomatic considerations, particularly in light of global tensions "
                   "involving Russia and Western allies."),
            ]),
        ],
    )


def make_report(docs: list[Document] | None = None) -> Report:
    docs = docs if docs is not None else [document_a(), document_b()]
    report = Report(
        title="Russia–Mexico Energy Brief — Week 47, 2026",
        short_title="Russia–Mexico Energy Brief",
        week=WEEK,
        documents=docs,
        standfirst="Russia is courting Mexico with LNG, energy technology and a proposed Yucatan–Cuba corridor, "
                   "as Mexico imports about 72% of its natural gas and Pemex works to lift output.",
        takeaways=[
            Takeaway("Russia offers Mexico LNG supply and energy technology, confirmed by Energy Minister "
                     "Sergei Tsivilev.", [SEED_B, SEED_A]),
            Takeaway("Russian FDI in Mexico rose from $2.8 million in 2022 to $86.4 million in 2024.", [SEED_A]),
            Takeaway("Mexico imports about 72% of its natural gas, mostly by pipeline from the US.", [SEED_B]),
            Takeaway("Pemex is reopening part of its 30,000 wells to reach 1.8 million barrels per day.", [SEED_B]),
        ],
        key_figures=[
            KeyFigure("$86.4M", "FDI from Russia in Mexico, 2024", SEED_A, "f1", 2024),
            KeyFigure("72%", "Share of Mexico's natural gas that is imported", SEED_B, "f2"),
            KeyFigure("1.8M b/d", "Pemex production target", SEED_B, "f3"),
            KeyFigure("135 years", "Of Mexico–Russia diplomatic relations", SEED_A, "f4"),
        ],
        charts=[
            ChartData(id="fdi_growth", kind="bar", title="Russian FDI in Mexico", categories=["2022", "2024"],
                      series=[Series("FDI from Russia", [2.8e6, 86.4e6])], unit="USD",
                      subtitle="Foreign direct investment arriving from Russia, by year",
                      caption="Russian investment in Mexico grew sharply after the pandemic.",
                      sources=[SEED_A], alt_text="Bar chart: Russian FDI in Mexico rose from $2.8 million in 2022 "
                                                 "to $86.4 million in 2024."),
            ChartData(id="gas_import_share", kind="donut", title="Mexico's natural gas supply",
                      categories=["Imported", "Domestic"], series=[Series("Share", [72, 28])], unit="percent",
                      caption="About 72% of Mexico's natural gas is imported.", sources=[SEED_B],
                      alt_text="Donut chart: 72% of Mexico's natural gas is imported, 28% is domestic."),
            ChartData(id="missing_chart", kind="bar", title="A chart that was not rendered", categories=["x"],
                      series=[Series("s", [1])], unit="count"),
        ],
    )
    return with_stories(report)


CHART_SVG = """<svg xmlns="http://www.w3.org/2000/svg" width="800" height="450" viewBox="0 0 800 450">
<rect x="0" y="0" width="800" height="450" style="fill: rgb(255, 255, 255);"/>
<g class="cartesianlayer">
<path d="M60,400h700" style="stroke: rgb(229, 233, 239); stroke-width: 1px;"/>
<rect x="150" y="380" width="200" height="20" style="fill: rgb(11, 60, 93);"/>
<rect x="450" y="60" width="200" height="340" style="fill: rgb(11, 60, 93);"/>
<text x="250" y="372" text-anchor="middle" style="font-family: 'Open Sans', verdana, arial, sans-serif;
 font-size: 16px; fill: rgb(29, 39, 49);">$2.8M</text>
<text x="550" y="52" text-anchor="middle" style="font-family: 'Open Sans', verdana, arial, sans-serif;
 font-size: 16px; font-weight: bold; fill: rgb(29, 39, 49);">$86.4M</text>
<text x="250" y="425" text-anchor="middle" style="font-family: Arial; font-size: 14px;">2022</text>
<text x="550" y="425" text-anchor="middle" style="font-family: Helvetica; font-size: 14px;">2024</text>
<text x="20" y="200" style="font-family: 'Open Sans', verdana, arial, sans-serif; font-size: 12px;">USD million</text>
<text class="annotation-text" text-anchor="middle" x="300" y="150" style="font-family: 'DejaVu Sans', sans-serif;
 font-size: 17px; white-space: pre;"><tspan style="font-weight:bold">31×</tspan> since 2022</text>
</g></svg>"""


def make_charts(folder: Path) -> dict[str, RenderedChart]:
    """An SVG (plotly-like font families) and a 1600x900 PNG per chart id of make_report."""
    from PIL import Image, ImageDraw

    folder.mkdir(parents=True, exist_ok=True)
    out: dict[str, RenderedChart] = {}
    for cid in ("fdi_growth", "gas_import_share"):
        svg, png = folder / f"{cid}.svg", folder / f"{cid}.png"
        svg.write_text(CHART_SVG, encoding="utf-8")
        im = Image.new("RGB", (1600, 900), "white")
        draw = ImageDraw.Draw(im)
        draw.rectangle([300, 760, 700, 800], fill=(11, 60, 93))
        draw.rectangle([900, 120, 1300, 800], fill=(217, 163, 16))
        im.save(png)
        out[cid] = RenderedChart(id=cid, png=str(png), svg=str(svg), width_px=800, height_px=450)
    return out



PORT_SENTENCE = ("The port handled {n} million twenty-foot equivalent units in the year, the authority said on "
                 "Thursday, as shipping lines moved more of their calls to the northern terminals. ")


def port_brief(out: Path, sizes: list[int], quote=None, second=None) -> Path:
    """A brief of stories only, one per entry of ``sizes`` with that many summary sentences and one
    key figure each (page-break tests: tests/test_brief_headbreak.py, test_brief_second_quote_page.py);
    ``quote`` on every story, ``second`` as the first story's second quote."""
    import dataclasses

    from reportkit.layouts.load import load_layout
    from reportkit.model import KeyFigure, Story
    from reportkit.render.pdf.render import render_pdf

    layout = load_layout(Path(__file__).resolve().parent.parent / "layouts" / "weekly-brief.yaml")
    layout = layout.model_copy(update={"pdf": layout.pdf.model_copy(update={"parts": ["stories"]})})
    base = document_a()
    docs, stories = [], []
    for k, n in enumerate(sizes):
        doc = dataclasses.replace(base, source=f"s{k:02d}.txt", title=f"Port story {k}")
        docs.append(doc)
        summary = [PORT_SENTENCE.format(n=k + j / 10).strip() for j in range(n)]
        figures = [KeyFigure(f"{k + 1}.2M", "Twenty-foot equivalent units", doc.source, f"f{k}")]
        stories.append(Story(source=doc.source, headline=f"Port {k} handles a record number of boxes",
                             one_line=summary[0], summary=summary, figures=figures, link=doc.source,
                             quote=quote, second_quote=second if k == 0 else None))
    report = make_report(docs)
    report.stories, report.key_figures, report.charts = stories, [], []
    render_pdf(report, layout, {}, out, use_cache=False)
    return out
