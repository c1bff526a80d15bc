"""A realistic Report built by hand from the seeds, for the deck tests (no pipeline needed)."""

from __future__ import annotations

from reportkit.model import (
    Block, ChartData, Document, Fact, KeyFigure, Reference, Report, Section, Series, Takeaway, Week,
)

SRC_A = "seeds/000_52c727dd3fe4205e.txt"
SRC_B = "seeds/002_a47ac54eef5493dc.txt"

A_PARAS = [
    "Russia's strategy to expand its economic presence in Latin America, with a particular focus on Mexico, has "
    "been outlined by Aleksey Valkov, director of the St. Petersburg International Economic Forum. This strategy "
    "encompasses a multifaceted approach, targeting energy, infrastructure, and connectivity sectors.",
    "Russia's energy sector is poised to deepen ties with Mexico's large energy market. Despite financial strains "
    "in Mexico's national oil company Pemex, Russia's energy firms are eager for collaboration opportunities. This "
    "includes technology sharing, investment in oil and gas projects, and leveraging Russia's expertise in energy "
    "production and technology.",
    "Infrastructure and connectivity are another key focus. Russia is interested in expanding cooperation in port "
    "facilities, transportation, and digital connectivity, aligning with Mexico’s own industrial boost plans. The "
    "Russian diplomatic presence is actively promoting dialogue about strengthening economic cooperation in these "
    "areas.",
    "Economic diplomacy and trade dialogue are also crucial components of Russia's approach. Russian diplomats have "
    "engaged with their Mexican counterparts to discuss enhanced economic cooperation, signaling a coordinated "
    "strategy to build trust and open trade and investment channels.",
    "Diplomatic relations between Mexico and Russia have lasted for 135 years, and the Russian Embassy in Mexico "
    "recently announced its willingness to supply liquefied natural gas (LNG). A direct air route between Moscow "
    "and Mexico, with a stopover in Havana, has been proposed as the first step in the strategy.",
    "The move forms part of a broader diplomatic and commercial offensive by the Kremlin, similar to the model "
    "deployed with India. The initiative includes sectors such as energy, infrastructure, and connectivity, and "
    "Russian firms are offering specialized technologies for crude oil extraction in adverse geological conditions.",
    "Russia is proposing a long-term repositioning in Latin America, at a time when neoliberalism is losing ground "
    "and the region is reshaping itself as an open terrain for new economic alliances. In June, at the St. "
    "Petersburg Forum, Russia sought to capitalize on the new Mexican political cycle with the energy reform "
    "promoted by President Sheinbaum, indicating a potential focus on nuclear support. A possible agreement to "
    "supply uranium to the Laguna Verde nuclear plant is under consideration.",
    "Beyond economic interests, Russia is interested in Mexico's rich culture and sees potential for long-term "
    "economic cooperation. This strategy has gained momentum during the administration of President Andrés Manuel "
    "López Obrador, with Russian investment in Mexico growing significantly following the pandemic. In 2022, $2.8 "
    "million in Foreign Direct Investment (FDI) arrived from Russia, and by 2024, the figure had risen to $86.4 "
    "million.",
    "The formal launch of this strategy occurred last April, with Russian businessmen and high-level officials "
    "participating in a business forum in Mexico. The goal is not simply to attract tourists, but to build a "
    "direct channel for entrepreneurs and investors.",
]
A_POINTS = [
    "Russia aims to increase its energy ties with Mexico, as evidenced by the eagerness of Russian energy firms to "
    "collaborate with Mexico's national oil company Pemex, focusing on technology sharing, oil and gas projects, "
    "and leveraging Russia's expertise in energy production and technology.",
    "Beyond energy, Russia is interested in expanding cooperation in infrastructure and connectivity, such as port "
    "facilities, transportation, and digital connectivity, aligning with Mexico’s own industrial boost plans.",
    "Diplomatic relations between Russia and Mexico have been strengthened with discussions about enhanced economic "
    "cooperation, including trade agreements, signaling a coordinated strategy to build trust and open investment "
    "channels.",
    "Russia is also keen on Mexico's cultural riches and sees potential for long-term economic cooperation, as "
    "demonstrated by the significant increase in Russian investment in Mexico following the pandemic, with $86.4 "
    "million in Foreign Direct Investment (FDI) in 2024.",
]
A_REFS = [
    "https://www.reuters.com/business/energy/russia-seeks-boost-oil-output-counter-sanctions-2021-10-19/",
    "https://www.reuters.com/business/energy/russia-eyes-mexico-oil-and-gas-projects-as-it-looks-to-diversify-"
    "markets-2021-05-17/",
    "https://www.reuters.com/world/europe/russia-faces-mounting-budget-deficits-amid-slowdown-economy-2021-06-17/",
    "https://www.reuters.com/world/americas/russia-mexico-discuss-energy-cooperation-amid-u-s-pressure-2021-06-22/",
    "https://www.reuters.com/world/us/us-mexico-mull-energy-cooperation-amid-tensions-with-russia-2021-06-28/",
]
TSIVILEV = ("We are already working with Mexico. We have excellent LNG technologies, and we are ready to share these "
            "technologies and supply LNG as well,")


def _fact(doc: Document, fid: str, text: str, value: float, unit: str, label: str, year: int | None = None) -> Fact:
    body = doc.body_text()
    start = body.index(text)
    # the sentence holding the fact: from the previous sentence end to the next
    s0 = max(body.rfind(". ", 0, start) + 2, body.rfind("\n", 0, start) + 1, 0)
    s1 = body.find(". ", start)
    s1 = len(body) if s1 < 0 else s1 + 1
    return Fact(id=fid, text=text, value=value, unit=unit, source=doc.source, start=start, end=start + len(text),
                sentence=body[s0:s1].strip(), label=label, year=year)


def seed_documents() -> list[Document]:
    a = Document(
        source=SRC_A,
        title="Russia's leader, Vladimir Putin, aims to set up a Yucatan-Cuba-Russia connection or corridor, "
              "in alliance with Mexico.",
        subtitle="Russia's director of the St. Petersburg International Economic Forum, Aleksey Valkov, outlines "
                 "Russia's plan for broadening its economic influence in an interview with Proceso.",
        dateline="Mexico City, 25 July",
        sections=[Section(None, [Block("paragraph", p) for p in A_PARAS])],
        key_points=list(A_POINTS),
        references=[Reference(str(i + 1), u) for i, u in enumerate(A_REFS)],
    )
    a.facts = [
        _fact(a, "A-fdi-2022", "$2.8 million", 2.8e6, "USD", "Foreign Direct Investment", 2022),
        _fact(a, "A-fdi-2024", "$86.4 million", 86.4e6, "USD", "Foreign Direct Investment", 2024),
        _fact(a, "A-years", "135 years", 135, "years", "diplomatic relations"),
    ]
    b = Document(
        source=SRC_B,
        title="Russia Seeks Energy Partnership with Mexico",
        sections=[
            Section(None, [Block("paragraph",
                                 "Russia has expressed a strong interest in expanding energy cooperation with Mexico, "
                                 "particularly in the areas of liquefied natural gas (LNG) supply and technology "
                                 "sharing, according to the Russian Embassy in Mexico.")]),
            Section("Russia Seeks Energy Partnership with Mexico", [
                Block("paragraph", "Russian Energy Minister Sergei Tsivilev confirmed the country’s readiness to "
                                   "collaborate with Mexico during a recent statement:"),
                Block("quote", TSIVILEV, speaker="Sergei Tsivilev"),
                Block("paragraph", "The move signals Russia’s intention to diversify its energy export markets and "
                                   "deepen bilateral relations with Mexico—an emerging player in North America’s "
                                   "energy ecosystem."),
            ]),
            Section("Mexico’s Heavy Reliance on U.S. Gas", [
                Block("paragraph", "Mexico currently imports approximately 72% of its natural gas, primarily from the "
                                   "United States, with the majority of it transported via pipeline networks. This "
                                   "imported gas is critical for electricity generation and various industrial "
                                   "applications."),
            ]),
            Section("Pemex Moves to Boost Domestic Production", [
                Block("paragraph", "State-owned oil company Petróleos Mexicanos (Pemex) is also taking steps to "
                                   "increase domestic output. In May, Pemex announced it was reopening a portion of "
                                   "its 30,000 oil wells, one-third of which had previously been shut. The goal is to "
                                   "meet a production target of 1.8 million barrels per day (mmbbl/d)."),
            ]),
            Section("Outlook", [Block("paragraph", "Russia’s proposal could mark a new chapter in Mexico’s energy "
                                                   "diversification efforts, though it also introduces diplomatic "
                                                   "considerations.")]),
        ],
    )
    b.facts = [
        _fact(b, "B-gas", "72%", 72, "percent", "natural gas imported"),
        _fact(b, "B-wells", "30,000 oil wells", 30000, "count", "oil wells"),
        _fact(b, "B-target", "1.8 million barrels per day", 1.8e6, "barrels_per_day", "production target"),
    ]
    return [a, b]


def seed_charts() -> list[ChartData]:
    return [
        ChartData(id="fdi_growth", kind="bar", title="Russian FDI in Mexico",
                  subtitle="Foreign direct investment arriving from Russia, by year",
                  caption="Russian investment in Mexico grew sharply after the pandemic.",
                  categories=["2022", "2024"], series=[Series("FDI from Russia", [2.8e6, 86.4e6])], unit="USD",
                  note="Up about 31 times from 2022 to 2024", sources=["000_52c727dd3fe4205e.txt"],
                  fact_ids=["A-fdi-2022", "A-fdi-2024"],
                  alt_text="Bar chart: FDI from Russia rose from $2.8M in 2022 to $86.4M in 2024, about 31 times."),
        ChartData(id="gas_import_share", kind="donut", title="Mexico's natural gas supply",
                  subtitle="Share of natural gas consumed that is imported, mostly US pipeline gas",
                  caption="About 72% of Mexico's natural gas is imported, primarily by pipeline from the United "
                          "States.",
                  categories=["Imported", "Domestic supply"], series=[Series("Share", [72, 28])], unit="percent",
                  sources=["002_a47ac54eef5493dc.txt"], fact_ids=["B-gas"],
                  alt_text="Donut chart: Mexico's natural gas supply: Imported 72%, Domestic supply 28%."),
        ChartData(id="production_targets", kind="stacked_bar", title="Pemex wells and production target",
                  subtitle="Oil wells by status; target of 1.8 million barrels per day",
                  caption="Pemex is reopening part of its 30,000 wells, one-third of which had been shut.",
                  categories=["Oil wells"],
                  series=[Series("Previously shut", [10000]), Series("Operating", [20000])], unit="count",
                  target=1.8e6, target_label="Production target", note="Production target: 1.8M b/d",
                  sources=["002_a47ac54eef5493dc.txt"], fact_ids=["B-wells", "B-target"],
                  alt_text="Stacked bar chart: Oil wells, 30,000 in total: previously shut 10,000, operating "
                           "20,000. Production target: 1.8M b/d."),
    ]


def seed_report() -> Report:
    docs = seed_documents()
    return Report(
        title="Russia–Mexico Energy Brief — Week 47, 2026",
        short_title="Russia–Mexico Energy Brief",
        week=Week(2026, 47, "2026-11-16", "2026-11-22"),
        documents=docs,
        standfirst="Moscow courts Mexico with LNG, technology and investment, as Russian FDI rose from $2.8M in "
                   "2022 to $86.4M in 2024 and Mexico still imports about 72% of its gas.",
        takeaways=[Takeaway(p, ["000_52c727dd3fe4205e.txt"]) for p in A_POINTS[:3]] + [
            Takeaway("Mexico currently imports approximately 72% of its natural gas, primarily from the United "
                     "States.", ["002_a47ac54eef5493dc.txt"]),
            Takeaway(A_POINTS[3], ["000_52c727dd3fe4205e.txt", "002_a47ac54eef5493dc.txt"]),
        ],
        key_figures=[
            KeyFigure("$86.4M", "FDI from Russia in Mexico, 2024", "000_52c727dd3fe4205e.txt", "A-fdi-2024", 2024),
            KeyFigure("72%", "Share of Mexico's natural gas that is imported", "002_a47ac54eef5493dc.txt", "B-gas"),
            KeyFigure("1.8M b/d", "Pemex production target", "002_a47ac54eef5493dc.txt", "B-target"),
            KeyFigure("135 years", "Of Mexico–Russia diplomatic relations", "000_52c727dd3fe4205e.txt", "A-years"),
        ],
        charts=seed_charts(),
    )
