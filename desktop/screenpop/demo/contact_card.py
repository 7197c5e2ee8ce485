"""The demo tenant's Contact carrier: every member the reference defines, filled as a tenant in
the company's country would fill it.

The members follow ``SuperOffice.WebApi.Data.Contact.yml`` and the SOAP sample
``soap/Services88/Contact/GetContactSummary.md``: ``AssociateFullName`` for our contact,
``OrgNr`` ("VAT number or similar", in the country's own form), ``BusinessName``,
``Number1``/``Number2`` (alphanumeric user fields), ``FormattedAddress`` with line breaks and
the country, as in ``restful/samples/agent/response/v1ContactAgent_GetContactList.md``, and the
structured ``Address`` object with its street and postal parts.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from screenpop.core.contact import Address, Contact, LocalizedField, StructuredAddress
from screenpop.demo.locales import LOCALES, City, Locale
from screenpop.demo.rng import mix, pick

if TYPE_CHECKING:
    from screenpop.demo.summaries import CompanyProfile

BUSINESSES = (
    "Information Technology", "Retail", "Manufacturing", "Consulting", "Transport",
    "Finance", "Health care", "Construction", "Media", "Energy", "Food and beverages",
    "Public sector",
)  # fmt: skip
# ISO 3166 numbers, as SuperOffice's country list numbers countries.
COUNTRY_IDS = {"NO": 578, "SE": 752, "DK": 208, "NL": 528, "DE": 276, "GB": 826, "US": 840}
# Our contacts are the tenant's associates: ids from 101, in the order the locales name them.
_ASSOCIATE_IDS = {
    name: 101 + index
    for index, name in enumerate(name for locale in LOCALES for name in locale.associates)
}


def org_number(region: str, bits: int) -> str:
    """A registration or VAT number in the form the country writes it."""
    digits = f"{bits % 10**9:09d}"
    if region == "NO":
        return f"9{digits[1:3]} {digits[3:6]} {digits[6:9]}"
    if region == "SE":
        return f"556{digits[:3]}-{digits[3:7]}"
    if region == "DK":
        return f"DK{digits[:8]}"
    if region == "NL":
        return f"NL{digits}B01"
    if region == "DE":
        return f"DE{digits}"
    if region == "GB":
        return f"GB{digits}"
    return f"{digits[:2]}-{digits[2:9]}"  # a US employer identification number


def town_line(locale: Locale, city: City, postcode: str) -> str:
    if locale.address_style == "gb":
        return f"{city.postal} {postcode}"
    if locale.address_style == "us":
        return f"{city.postal}, {city.state} {postcode}"
    return f"{postcode} {city.postal}"


def _structured(kind: str, street: str, city: City, postcode: str, lines: str) -> StructuredAddress:
    return StructuredAddress(
        address_type=kind, address1=street, city=city.postal, state=city.state,
        zipcode=postcode, formatted=lines,
    )  # fmt: skip


def contact_card(profile: CompanyProfile) -> Contact:
    locale, city = profile.locale, profile.city
    bits = mix(profile.contact_id * 7919 + 17)
    town = town_line(locale, city, profile.postcode)
    lines = f"{profile.street}\n{town}"
    field_rows = (
        (LocalizedField("Address1", profile.street, label="Street", value_length=40,
                        address_type="ContactStreetAddress"),),
        (LocalizedField("Zipcode", profile.postcode, label="Postcode", value_length=10,
                        address_type="ContactStreetAddress"),
         LocalizedField("City", city.postal, label="City", value_length=30,
                        address_type="ContactStreetAddress")),
    )  # fmt: skip
    address = Address(
        street=_structured("ContactStreetAddress", profile.street, city, profile.postcode, lines),
        postal=_structured("ContactPostalAddress", profile.street, city, profile.postcode, lines),
        formatted=f"{lines}\n{locale.country}",
        localized=field_rows,
    )
    has_code = bits % 3 == 0
    return Contact(
        contact_id=profile.contact_id,
        name=profile.name,
        department=profile.department,
        category=profile.category,
        our_contact=profile.associate,
        phone=profile.phone,
        email=profile.email,
        address=f"{lines}\n{locale.country}",
        city=city.postal,
        country=locale.country,
        web_site=profile.web_site,
        org_nr=org_number(locale.region, bits >> 8),
        business=pick(BUSINESSES, bits >> 40),
        associate_id=_ASSOCIATE_IDS.get(profile.associate, 0),
        country_id=COUNTRY_IDS.get(locale.region, 0),
        full_name=profile.name,
        number1=str(10_000 + profile.contact_id),
        number2=f"{locale.region}-{bits % 100_000:05d}" if has_code else "",
        email_name=profile.email,
        url_name=profile.web_site,
        active_erp_links=1 if bits % 5 == 0 else 0,
        address_object=address,
    )
