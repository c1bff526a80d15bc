"""Texts of the generated corpus documents (written for this project; figures are illustrative).

A ``|`` inside a word marks a place where the PDF generator may hyphenate it at a line end
(the mark itself is never printed); headings are ``("h", text)``, paragraphs ``("p", text)``.
"""

REPORT_TITLE = "Eastland Grid Outlook 2026"
REPORT_SUBTITLE = "Winter adequacy, demand and investment: the transmission operator's annual review"
REPORT = [
    ("h", "Executive summary"),
    ("p", "Peak demand on the Eastland transmis|sion system reached 58.4 GW last winter, the highest "
          "level since 2012, as a cold January coin|cided with low wind output across the region. "
          "The system met every hour of demand without using emergency contracts, but the margin between "
          "available capacity and peak demand fell to 4.1%, down from 6.3% a year earlier."),
    ("p", "Renewable sources supplied 41% of the electricity carried on the network over the year, "
          "compared with 37% in 2025. Wind alone provided 27%, and solar 9%. Gas-fired stations supplied "
          "33%, and nuclear the remaining 26% together with imports and storage."),
    ("p", "We expect the margin to recover to 7.5% next winter as three new inter|connectors and 2.8 GW "
          "of battery storage come into service. The central case for peak demand in 2030 is 63 GW, "
          "driven by the electri|fication of heating and transport."),
    ("h", "Demand"),
    ("p", "Annual electricity demand rose 2.4% to 312 TWh. Growth came mostly from data centres, which "
          "now account for an estimated 5% of consumption, and from heat pumps, whose number in the "
          "region passed 900,000 during the year. Industrial demand was flat."),
    ("p", "Demand is becoming more sensitive to tempera|ture. On the coldest evening of the winter, each "
          "degree below zero added about 1.1 GW to the peak, against 0.7 GW five years ago. Flexible "
          "tariffs shifted an average of 1.6 GW of load away from the evening peak on weekdays, "
          "twice as much as in 2024."),
    ("p", "Our forecasts assume that around 2.5 million electric vehicles will be on the region's roads by "
          "2030, and that most of them will charge overnight. If half of them charged in the early evening "
          "instead, peak demand in 2030 would be 3 GW higher than in the central case."),
    ("h", "Supply mix"),
    ("p", "Installed wind capacity grew by 3.2 GW to 31 GW, of which 14 GW is offshore. Curtail|ment of "
          "wind output because of network constraints cost consumers £410 million over the year, "
          "up from £290 million, mainly on the lines that carry power south from the coast."),
    ("p", "Two coal units closed in March, ending coal generation in the region. Gas-fired capacity "
          "fell slightly to 28 GW. The average carbon intensity of electricity on the network was "
          "152 grams of carbon dioxide per kilowatt hour, 12% lower than in 2025."),
    ("p", "Interconnectors imported a net 14 TWh, about 4.5% of demand. Imports were highest in the "
          "summer months, when prices on the continent were lower, and the region was a net exporter "
          "in six weeks of the winter, when its wind output was high."),
    ("h", "Investment"),
    ("p", "The operator plans to invest £3.2 billion in the network next year, a 23% increase, and "
          "£19 billion over the five years to 2031. Most of the money will go to reinforcing the "
          "north-south corridor and to connecting offshore wind farms on the east coast."),
    ("p", "Connection queues remain the main constraint on new generation. At the end of October, "
          "projects with a combined capacity of 96 GW were waiting for a grid connection, and the "
          "median wait for a new project was more than five years. Reforms agreed with the regulator "
          "will give priority to projects that are ready to build."),
    ("h", "Outlook"),
    ("p", "The coming winter should be easier to manage than the last. Our central estimate of peak "
          "demand is 59.1 GW, and available capacity, including storage and interconnectors, is "
          "expected to exceed it by 7.5%. The risk of a shortfall is concentrated in cold, still "
          "spells of more than three days, when battery storage cannot cover the evening peak."),
    ("p", "Over the longer term, demand growth from heating, transport and data centres will require the "
          "network to carry about 20% more power at peak by 2030. Meeting that need on time depends on "
          "faster planning decisions and on the supply of transformers and cables, whose delivery times "
          "have doubled since 2021."),
]

PAPER_TITLE = "Battery storage and price volatility in island grids"
PAPER_AUTHORS = "M. Okafor and L. Brandt, Institute for Island Energy Systems"
PAPER_HEADER = "Journal of Island Energy Systems 12 (2026) 41–42"
PAPER_ABSTRACT = (
    "We study how grid-scale batteries changed wholesale price volatility on four island grids between "
    "2021 and 2025. Where installed storage passed 10% of peak demand, the number of hours with prices "
    "above three times the daily median fell by 37%. The effect was smaller on grids with large "
    "interconnectors."
)
PAPER = [
    ("h", "1 Introduction"),
    ("p", "Small power systems are exposed to sharp price spikes. A single large generator that trips "
          "can remove a tenth of supply in seconds, and the reserve that covers such events is expen|sive "
          "to hold. Batteries are well suited to this role because they respond within milli|seconds and "
          "can be charged when prices are low."),
    ("p", "Between 2021 and 2025 the four island grids in our sample installed 1,200 MWh of battery "
          "storage, most of it in units of 50 to 100 MWh. Over the same period their combined peak demand "
          "grew from 3.4 GW to 3.7 GW. We ask whether the batteries reduced the frequency and size of "
          "price spikes, and what that was worth to consumers."),
    ("h", "2 Data and method"),
    ("p", "We use half-hourly wholesale prices, generator outages and battery dispatch data published by "
          "the four system operators. A price spike is a half hour in which the price exceeds three times "
          "the median of the same day. We compare each grid with itself before and after storage "
          "passed 10% of peak demand, and control for fuel prices, wind output and outages."),
    ("p", "The sample covers 87,600 half hours per grid. Two of the grids, Kestrel and Aran, have "
          "interconnectors to a mainland system with a capacity of 15% and 22% of their peak demand "
          "respectively; the other two are isolated."),
    ("h", "3 Results"),
    ("p", "On the isolated grids, the number of price spikes fell by 37% after storage passed the 10% "
          "threshold, from an average of 412 to 260 half hours a year. The average size of a spike fell "
          "by 21%. On the inter|connected grids the fall was 14%, and not statis|tically significant "
          "for Aran."),
    ("p", "The savings to consumers were largest in the winter months. We estimate that lower spike "
          "prices saved consumers on the isolated grids €38 million a year, about 3% of their wholesale "
          "electricity costs, against annualised battery costs of €29 million."),
    ("p", "Batteries also changed the pattern of prices within the day. The gap between the highest and "
          "the lowest half-hourly price of a typical day narrowed by 18%, because batteries charged in "
          "the middle of the day, when solar output was high, and discharged in the evening."),
    ("h", "4 Discussion"),
    ("p", "Why was the effect so much smaller on the interconnected grids? On Kestrel, the link to the "
          "mainland already supplied fast reserve before any battery was built, and most spikes "
          "occurred when the link itself was out of service. Batteries could not replace a lost "
          "interconnector of 300 MW for more than an hour or two."),
    ("p", "Our estimates of consumer savings are conservative. They leave out the value of avoided "
          "load shedding, which was rare in the sample, and the lower cost of holding reserve, which "
          "fell by about €6 million a year on the isolated grids as batteries took over part of the "
          "frequency response service from diesel units."),
    ("p", "The results also depend on the rules under which batteries were paid. On three of the four "
          "grids, battery owners earned most of their revenue from reserve contracts rather than from "
          "trading energy, which encouraged them to keep their units partly charged at all times. "
          "A market design that rewarded trading more strongly might have produced larger effects "
          "on prices, but also a less secure system."),
    ("h", "5 Conclusion"),
    ("p", "Storage of about a tenth of peak demand is enough to remove a large share of price spikes on "
          "small isolated grids, and the four grids plan a further 900 MWh of storage by 2028. Beyond that level the gains fall quickly, and on grids with strong "
          "interconnectors they are modest. System operators planning further storage should weigh it "
          "against faster reserve from demand response, which we have not studied here."),
    ("h", "References"),
    ("p", "[1] https://www.islandgrids.example/data/prices-2021-2025"),
    ("p", "[2] https://www.kestrel-so.example/reports/battery-dispatch-2025"),
]

SLIDES_TITLE = "Northwind Energy: third-quarter 2026 results"
SLIDES = [
    ("Third-quarter 2026 results", ["Investor presentation, 12 November 2026"]),
    ("Highlights", [
        "Revenue rose 9% to €2.35 billion",
        "Adjusted EBITDA of €610 million, up 12%",
        "Renewable output reached 8.4 TWh, a record for a third quarter",
        "Net debt fell to €4.2 billion",
    ]),
    ("Generation", [
        "Wind output 6.1 TWh, up 15% on higher capacity",
        "Solar output 2.3 TWh, up 31%",
        "Availability of the wind fleet 97.2%",
        "1.1 GW under construction, due in 2027",
    ]),
    ("Outlook for 2026", [
        "Full-year adjusted EBITDA guidance raised to €2.4 billion",
        "Capital expenditure of about €1.9 billion",
        "Dividend of €0.62 per share proposed",
    ]),
]
SLIDES_FOOTER = "Northwind Energy | Q3 2026 results"

MEMO_TITLE = "Weekly note: refinery margins squeezed as diesel cracks fall"
