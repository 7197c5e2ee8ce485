"""Names, places and customs of the countries the demo tenant's customers live in.

The invented company words are meant to sound local without naming a real firm. City names
match the keys of :data:`screenpop.demo.numbers.PLANS`, which gives each city its area codes.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from itertools import accumulate


def _t(text: str) -> tuple[str, ...]:
    """A tuple from ``a|b|c`` (names with spaces stay whole)."""
    return tuple(part.strip() for part in text.split("|"))


@dataclass(frozen=True, slots=True)
class City:
    name: str
    postcodes: tuple[str, ...]
    postal_name: str = ""
    state: str = ""
    zone: str = ""

    @property
    def postal(self) -> str:
        return self.postal_name or self.name


@dataclass(frozen=True, slots=True)
class Locale:
    region: str
    country: str
    zone: str
    currency: str
    tld: str
    weight: int
    address_style: str  # "eu": street no, code city; "gb": no street, city code; "us"
    male: tuple[str, ...]
    female: tuple[str, ...]
    surnames: tuple[str, ...]
    titles_male: tuple[str, ...]
    titles_female: tuple[str, ...]
    words: tuple[str, ...]
    trades: tuple[str, ...]
    suffixes: tuple[str, ...]
    family_firm: str
    streets: tuple[str, ...]
    cities: tuple[City, ...]
    mailboxes: tuple[str, ...]
    associates: tuple[str, ...]

    def street_line(self, street: str, number: int) -> str:
        """The street and number as the country writes them ("Storgata 5", "5 High Street")."""
        return f"{number} {street}" if self.address_style in ("gb", "us") else f"{street} {number}"


LOCALES: tuple[Locale, ...] = (
    Locale(
        "NO", "Norway", "Europe/Oslo", "NOK", "no", 30, "eu",
        _t("Ola|Lars|Magnus|Jonas|Henrik|Sindre|Øyvind|Bjørn|Håkon|Eirik|Kjetil|Torbjørn|"
           "Anders|Espen|Per|Knut|Geir|Stian|Martin|Jørgen"),
        _t("Kari|Ingrid|Åse|Solveig|Marit|Ragnhild|Silje|Ida|Nora|Hilde|Tone|Guro|Kristin|"
           "Line|Siri|Sølvi|Astrid|Eva|Berit|Mari"),
        _t("Hansen|Johansen|Olsen|Larsen|Andersen|Pedersen|Nilsen|Kristiansen|Jensen|Karlsen|"
           "Johnsen|Pettersen|Eriksen|Berg|Haugen|Hagen|Dahl|Jørgensen|Halvorsen|Lund|"
           "Sørensen|Strand|Solberg|Bakken|Lie|Næss|Rønning|Løken|Ødegård|Sæther|Bråthen"),
        _t("|||Hr."), _t("|||Fru"),
        _t("Fjordvik|Havgløtt|Bryggekaia|Nordlys|Fjellvind|Solkyst|Trollheim|Midtsund|"
           "Vestavind|Polarlys|Isfjord|Skjærgård|Langvik|Tindeland|Måkeskjær|Grønnlia"),
        _t("Bygg|Data|Eiendom|Regnskap|Sjømat|Transport|Elektro|Rørlegger|Maskin|Marine|"
           "Energi|Rådgivning|Media|Shipping|Helse|Logistikk"),
        _t("AS|AS|AS|ASA"), "{surname} & Sønner AS",
        _t("Storgata|Karl Johans gate|Kirkegata|Dronningens gate|Strandgata|Øvre Slottsgate|"
           "Tollbugata|Kongens gate|Sjøgata|Thorvald Meyers gate|Løkkeveien|Bryggegata|"
           "Olav Tryggvasons gate|Nedre Vollgate"),
        (
            City("Oslo", _t("0150|0151|0154|0158|0161|0179|0250|0255|0460|0484")),
            City("Bergen", _t("5003|5004|5014|5015|5020")),
            City("Trondheim", _t("7010|7011|7013|7030")),
            City("Stavanger", _t("4005|4006|4013|4020")),
            City("Tromsø", _t("9008|9009|9010|9019")),
            City("Kristiansand", _t("4608|4610|4612")),
            City("Drammen", _t("3015|3017|3019|3044")),
        ),
        _t("post|firmapost|post"),
        _t("Ingrid Solberg|Magnus Eriksen|Hanne Brekke"),
    ),
    Locale(
        "SE", "Sweden", "Europe/Stockholm", "SEK", "se", 15, "eu",
        _t("Erik|Lars|Karl|Anders|Johan|Per|Nils|Mikael|Björn|Göran|Måns|Olof|Oskar|Axel|"
           "Linus|Gustav"),
        _t("Åsa|Anna|Maria|Karin|Sara|Lena|Kristina|Ebba|Maja|Ingrid|Linnéa|Malin|Märta|Elin|"
           "Frida|Sofia"),
        _t("Andersson|Johansson|Karlsson|Nilsson|Eriksson|Larsson|Olsson|Persson|Svensson|"
           "Gustafsson|Lindqvist|Lindström|Bergström|Sjöberg|Åberg|Öberg|Holmgren|Nyström|"
           "Ekström|Håkansson|Lundgren|Sandberg"),
        _t("|||Herr"), _t("|||Fru"),
        _t("Norrsken|Skärgårds|Älvdal|Granskog|Björkhaga|Sjöstjärna|Vintergata|Ängsbacke|"
           "Fyrbåk|Solvik|Östersol|Lövholmen"),
        _t("Bygg|Data|Fastigheter|Redovisning|Transport|El|VVS|Maskin|Energi|Konsult|Media|"
           "Logistik|Design|Livsmedel"),
        _t("AB|AB|AB|HB"), "{surname} & Söner AB",
        _t("Drottninggatan|Kungsgatan|Storgatan|Sveavägen|Götgatan|Vasagatan|"
           "Östra Hamngatan|Södra Förstadsgatan|Järnvägsgatan|Åsgatan|Hamngatan|Kyrkogatan"),
        (
            City("Stockholm", _t("111 20|111 51|113 56|114 35|118 26")),
            City("Göteborg", _t("411 03|411 18|413 01|416 64")),
            City("Malmö", _t("211 22|211 45|214 20")),
            City("Uppsala", _t("753 10|753 20|752 36")),
            City("Linköping", _t("582 22|582 46|587 58")),
        ),
        _t("info|kontakt"),
        _t("Sofie Lindqvist|Jonas Åkesson"),
    ),
    Locale(
        "DK", "Denmark", "Europe/Copenhagen", "DKK", "dk", 10, "eu",
        _t("Mads|Søren|Anders|Jens|Rasmus|Mikkel|Jesper|Morten|Frederik|Niels|Kasper|Bjørn|"
           "Thomas|Henrik|Lasse"),
        _t("Mette|Sofie|Ida|Camilla|Louise|Freja|Line|Signe|Maja|Anne|Birgitte|Trine|Julie|"
           "Kirsten|Lærke"),
        _t("Jensen|Nielsen|Hansen|Pedersen|Andersen|Christensen|Larsen|Sørensen|Rasmussen|"
           "Jørgensen|Petersen|Madsen|Kristensen|Olsen|Thomsen|Møller|Østergaard|Bækgaard|"
           "Damgaard|Højgaard|Ørsted"),
        _t("||Hr."), _t("||Fru"),
        _t("Havblik|Kystlys|Bøgeskov|Klitgaard|Fjordlys|Lyngbakken|Nordstjerne|Solhøj|"
           "Engblomst|Æbleholm|Østerlund|Vestkyst"),
        _t("Byg|Data|Ejendomme|Revision|Transport|El|VVS|Maskin|Energi|Rådgivning|Medie|"
           "Logistik|Design|Fødevarer"),
        _t("A/S|A/S|ApS|ApS"), "{surname} & Sønner A/S",
        _t("Vesterbrogade|Østergade|Nørregade|Søndergade|Algade|Vestergade|Jernbanegade|"
           "Havnegade|Åboulevarden|Kongensgade|Frederiksberggade|Bredgade"),
        (
            City("København", _t("1050|1160|1253|1360|1456"), "København K"),
            City("Aarhus", _t("8000"), "Aarhus C"),
            City("Odense", _t("5000"), "Odense C"),
            City("Aalborg", _t("9000")),
        ),
        _t("info|kontakt"),
        _t("Mads Kristensen"),
    ),
    Locale(
        "NL", "Netherlands", "Europe/Amsterdam", "EUR", "nl", 10, "eu",
        _t("Jan|Pieter|Daan|Sem|Thijs|Bram|Joost|Maarten|Ruud|Sander|Wouter|Jeroen|Niels|"
           "Lucas|Koen"),
        _t("Anouk|Sanne|Lotte|Femke|Eva|Iris|Marieke|Noor|Fleur|Lieke|Esther|Inge|Saskia|"
           "Renée|Zoë"),
        _t("de Jong|Jansen|de Vries|van den Berg|van Dijk|Bakker|Visser|Smit|Meijer|de Boer|"
           "Mulder|de Groot|Bos|Vos|Peters|Hendriks|van Leeuwen|Dekker|Brouwer|de Wit|"
           "Dijkstra|van der Meer"),
        _t("Dhr.|Dhr.|Dhr.|Dr."), _t("Mevr.|Mevr.|Mevr.|Dr."),
        _t("Polderzicht|Molenwaard|Duinrand|Zeezicht|Tulpenveld|Grachtenhof|Waterland|"
           "Kroonkade|Zonnehoek|Lindeboom|Vaartkant|Dijkstaal"),
        _t("Bouw|Data|Vastgoed|Accountancy|Transport|Elektro|Installatietechniek|Machinebouw|"
           "Energie|Advies|Media|Logistiek|Design|Voeding"),
        _t("B.V.|B.V.|B.V.|N.V."), "{surname} & Zonen B.V.",
        _t("Herengracht|Keizersgracht|Damrak|Coolsingel|Oudegracht|Stationsplein|Kerkstraat|"
           "Dorpsstraat|Lange Voorhout|Stratumseind|Vismarkt|Marktstraat"),
        (
            City("Amsterdam", _t("1012 AB|1016 BR|1017 CE|1071 XX")),
            City("Rotterdam", _t("3011 AD|3012 CN|3014 GH")),
            City("Utrecht", _t("3511 LX|3512 JE|3581 CS")),
            City("Den Haag", _t("2511 CV|2514 EA|2595 AA")),
            City("Eindhoven", _t("5611 AZ|5611 EM|5617 BC")),
            City("Groningen", _t("9711 LM|9712 CP|9726 AE")),
        ),
        _t("info"),
        _t("Lotte de Vries"),
    ),
    Locale(
        "DE", "Germany", "Europe/Berlin", "EUR", "de", 15, "eu",
        _t("Thomas|Michael|Andreas|Stefan|Jürgen|Klaus|Jörg|Lukas|Maximilian|Felix|Tobias|"
           "Jan|Florian|Sebastian|Uwe"),
        _t("Sabine|Claudia|Julia|Anna|Katrin|Jana|Lena|Sarah|Birgit|Ursula|Anja|Jutta|Hannah|"
           "Sophie|Bärbel"),
        _t("Müller|Schmidt|Schneider|Fischer|Weber|Meyer|Wagner|Becker|Schulz|Hoffmann|"
           "Schäfer|Koch|Bauer|Richter|Klein|Wolf|Schröder|Neumann|Schwarz|Zimmermann|Braun|"
           "Krüger|Hartmann|Lange|Weiß|Köhler|Groß"),
        _t("Herr|Herr|Herr|Dr."), _t("Frau|Frau|Frau|Dr."),
        _t("Nordstern|Alpenblick|Rheinblick|Elbtal|Lindenhof|Sonnenberg|Eichenwald|Isarwerk|"
           "Spreebogen|Mainkai|Hafenblick|Morgenröte"),
        _t("Bau|Datentechnik|Immobilien|Steuerberatung|Spedition|Elektrotechnik|Haustechnik|"
           "Maschinenbau|Energie|Beratung|Medien|Logistik|Design|Feinkost"),
        _t("GmbH|GmbH|GmbH|AG|GmbH & Co. KG"), "{surname} & Söhne GmbH",
        _t("Friedrichstraße|Hauptstraße|Bahnhofstraße|Königsallee|Mönckebergstraße|"
           "Maximilianstraße|Schillerstraße|Goethestraße|Kaiserstraße|Lindenstraße|"
           "Schloßstraße|Am Markt"),
        (
            City("Berlin", _t("10115|10117|10178|10969|12043")),
            City("Hamburg", _t("20095|20354|22767")),
            City("München", _t("80331|80333|80469|81667")),
            City("Köln", _t("50667|50672|50823")),
            City("Frankfurt am Main", _t("60311|60313|60487")),
            City("Stuttgart", _t("70173|70178|70469")),
        ),
        _t("info|kontakt"),
        _t("Jonas Becker|Katrin Weiß"),
    ),
    Locale(
        "GB", "United Kingdom", "Europe/London", "GBP", "co.uk", 10, "gb",
        _t("Oliver|George|Harry|James|William|Thomas|Jack|Daniel|David|Richard|Andrew|Matthew|"
           "Simon|Paul|Alistair|Rhys|Callum"),
        _t("Olivia|Amelia|Emily|Charlotte|Sophie|Jessica|Hannah|Lucy|Sarah|Rebecca|Siobhan|"
           "Niamh|Zoë|Fiona|Eleanor"),
        _t("Smith|Jones|Taylor|Brown|Williams|Wilson|Johnson|Davies|Robinson|Wright|Thompson|"
           "Evans|Walker|White|Roberts|Green|Hall|Wood|Jackson|Clarke|O'Brien|MacDonald|"
           "Campbell"),
        _t("Mr|Mr|Mr|Dr"), _t("Ms|Mrs|Miss|Dr"),
        _t("Thistledown|Northgate|Harbourside|Kingsbridge|Ashworth|Riverside|Highfield|"
           "Oakwood|Bramley|Foxglove|Whitcombe|Larkspur"),
        _t("Construction|Data|Properties|Accountants|Haulage|Electrical|Plumbing|Engineering|"
           "Energy|Consulting|Media|Logistics|Design|Foods"),
        _t("Ltd|Ltd|Ltd|plc"), "{surname} & Sons Ltd",
        _t("High Street|Station Road|Church Lane|King Street|Queen Street|Victoria Road|"
           "Baker Street|Mill Lane|Park Road|London Road|Market Street|St John's Road"),
        (
            City("London", _t("EC1A 1BB|W1T 3JH|SE1 9SG|NW1 6XE|E14 5AB")),
            City("Birmingham", _t("B1 1AA|B2 4QA|B3 2DJ")),
            City("Manchester", _t("M1 1AE|M2 5DB|M4 6WX")),
            City("Glasgow", _t("G1 1XQ|G2 3JD|G3 8AU")),
            City("Leeds", _t("LS1 4DY|LS2 7EW")),
            City("Edinburgh", _t("EH1 1YZ|EH2 2ER|EH3 9BY")),
            City("Bristol", _t("BS1 4ST|BS1 5TR|BS8 1TH")),
        ),
        _t("info|hello|enquiries"),
        _t("Emma Clarke"),
    ),
    Locale(
        "US", "United States", "America/New_York", "USD", "com", 10, "us",
        _t("Michael|James|John|Robert|David|William|Christopher|Daniel|Matthew|Anthony|Joshua|"
           "Andrew|Brian|Kevin|José|Tyler"),
        _t("Jennifer|Jessica|Ashley|Emily|Sarah|Amanda|Elizabeth|Megan|Lauren|Rachel|Nicole|"
           "Stephanie|Madison|María|Chloe"),
        _t("Smith|Johnson|Williams|Brown|Jones|Garcia|Miller|Davis|Rodriguez|Martinez|"
           "Hernandez|Lopez|Gonzalez|Wilson|Anderson|Thomas|Taylor|Moore|Jackson|Martin|Lee|"
           "Nguyen|Kim|Patel|O'Connor"),
        _t("Mr.|Mr.|Dr.|"), _t("Ms.|Mrs.|Dr.|"),
        _t("Summit|Redwood|Lakeshore|Pioneer|Bluebird|Keystone|Liberty|Granite Peak|"
           "Evergreen|Silverline|Cascade|Prairie"),
        _t("Construction|Data Systems|Realty|Accounting|Freight|Electric|Plumbing|"
           "Manufacturing|Energy|Consulting|Media|Logistics|Design|Foods"),
        _t("Inc.|Inc.|LLC|Corp."), "{surname} & Sons, Inc.",
        _t("Main Street|Market Street|Broadway|Elm Street|Oak Avenue|Maple Drive|"
           "Washington Avenue|Lake Street|Pine Street|Cedar Lane|5th Avenue|Park Avenue"),
        (
            City("New York", _t("10001|10013|10017|10036"), state="NY"),
            City("Chicago", _t("60601|60606|60611"), state="IL", zone="America/Chicago"),
            City("San Francisco", _t("94103|94105|94111"), state="CA",
                 zone="America/Los_Angeles"),
            City("Boston", _t("02108|02110|02116"), state="MA"),
            City("Seattle", _t("98101|98104|98109"), state="WA", zone="America/Los_Angeles"),
            City("Austin", _t("78701|78702|78704"), state="TX", zone="America/Chicago"),
            City("Denver", _t("80202|80203|80205"), state="CO", zone="America/Denver"),
        ),
        _t("info|contact|sales"),
        _t("Michael Turner|Rachel Kim"),
    ),
)  # fmt: skip

LOCALE_BY_REGION: Mapping[str, Locale] = {locale.region: locale for locale in LOCALES}
CUMULATIVE_WEIGHTS: tuple[int, ...] = tuple(accumulate(locale.weight for locale in LOCALES))

BASE_CURRENCY = "NOK"
# Fixed rates keep AmountInBaseCurrency deterministic; roughly the rates of recent years.
RATES_TO_NOK: Mapping[str, float] = {
    "NOK": 1.0,
    "SEK": 0.98,
    "DKK": 1.55,
    "EUR": 11.6,
    "GBP": 13.6,
    "USD": 10.7,
}

CATEGORIES = _t("Customer|Customer|Customer|Prospect|Prospect|Partner|Supplier")
DEPARTMENTS = _t("||||Head office|Sales|Finance|IT|Purchasing|Operations")

_ASCII_FOLD = str.maketrans(
    {"æ": "ae", "ø": "o", "å": "a", "ä": "a", "ö": "o", "ü": "ue", "ß": "ss", "é": "e",
     "ë": "e", "á": "a", "í": "i", "ó": "o"}
)  # fmt: skip


def slug(text: str) -> str:
    """``Fjordvik Sjømat`` → ``fjordvik-sjomat``: the host-name part of a web address."""
    folded = text.lower().translate(_ASCII_FOLD)
    words = "".join(ch if ch.isascii() and ch.isalnum() else " " for ch in folded).split()
    return "-".join(words)
