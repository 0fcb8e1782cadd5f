"""Write analysis/figures/data/currencies.toml: every ISO 4217 currency from the Unicode
CLDR data that Babel ships (code, English name, plural, symbol), plus the forms news
writes that CLDR leaves out (prefixed dollars such as "C$", bare names such as "yen",
narrow signs such as "₦", minor units such as "pence").

usage: python scripts/build_currency_table.py   (needs babel, a dependency of jupyterlab)

Edit the curated lists below and run it again; the file it writes says it is generated.
"""

from __future__ import annotations

import json
from pathlib import Path

from babel import Locale
from babel.numbers import get_currency_name, list_currencies

OUT = Path(__file__).resolve().parent.parent / "analysis" / "figures" / "data" / "currencies.toml"

# Signs written before (or after) the number, beyond CLDR's English symbol. Prefixed
# dollars: the country letters glued to "$".
EXTRA_SIGNS = {
    "USD": ["$", "US$", "U.S.$", "US $"],
    "CAD": ["C$", "CA$", "Can$", "CDN$", "Cdn$"],
    "AUD": ["A$", "AU$", "AUD$"],
    "HKD": ["HK$"],
    "TWD": ["NT$"],
    "NZD": ["NZ$"],
    "SGD": ["S$"],
    "MXN": ["MX$", "Mex$"],
    "BRL": ["R$"],
    "JMD": ["J$"],
    "TTD": ["TT$"],
    "ZWL": ["Z$"],
    "EUR": ["€"],
    "GBP": ["£"],
    "JPY": ["¥", "JP¥"],
    "CNY": ["CN¥", "RMB", "元"],
    "INR": ["₹", "Rs", "Rs."],
    "PKR": ["PKRs"],
    "KRW": ["₩"],
    "ILS": ["₪", "NIS"],
    "NGN": ["₦"],
    "PHP": ["₱"],
    "THB": ["฿"],
    "TRY": ["₺"],
    "RUB": ["₽"],
    "UAH": ["₴"],
    "PLN": ["zł"],
    "VND": ["₫"],
    "GHS": ["GH₵"],
    "KZT": ["₸"],
    "MYR": ["RM"],
    "IDR": ["Rp"],
    "ZAR": ["R"],
    "CHF": ["Fr.", "SFr."],
    "BTC": [],
}
# Signs too short or too common to read apart from the number ("R 5" may be a road):
# only glued to it ("R50").
GLUED_ONLY = {"R"}
# Names news writes beside CLDR's: lower-cased; plurals are listed as written.
EXTRA_NAMES = {
    "USD": ["us dollar", "us dollars", "u.s. dollar", "u.s. dollars", "american dollar",
            "american dollars", "united states dollar", "united states dollars"],
    "GBP": ["pound sterling", "pounds sterling", "british pound", "british pounds",
            "sterling"],
    "CNY": ["yuan renminbi", "renminbi", "chinese yuan renminbi"],
    "HKD": ["hong kong dollar", "hong kong dollars", "hk dollar", "hk dollars"],
    "TWD": ["taiwan dollar", "taiwan dollars", "taiwanese dollar", "taiwanese dollars"],
    "SGD": ["singaporean dollar", "singaporean dollars"],
    "AUD": ["aussie dollar", "aussie dollars"],
    "DKK": ["danish crown", "danish crowns"],
    "SEK": ["swedish crown", "swedish crowns"],
    "NOK": ["norwegian crown", "norwegian crowns"],
    "CZK": ["czech crown", "czech crowns"],
    "ILS": ["new israeli shekel", "new israeli shekels", "israeli shekel", "israeli shekels"],
    "KRW": ["korean won"],
    "BRL": ["brazilian reais"],
    "XOF": ["cfa franc", "cfa francs"],
}
# Bare currency words: the currency a lone word names in news; a word that also names a
# unit of measure ("pound") is resolved from context (see analysis/figures/units.py).
BARE_WORDS = {
    "USD": ["dollar", "dollars", "buck", "bucks", "greenback", "greenbacks", "dlr", "dlrs"],
    "GBP": ["pound", "pounds", "quid", "stg"],
    "EUR": ["euro", "euros"],
    "JPY": ["yen"],
    "CNY": ["yuan"],
    "MXN": ["peso", "pesos"],
    "INR": ["rupee", "rupees"],
    "IDR": ["rupiah", "rupiahs"],
    "MYR": ["ringgit", "ringgits"],
    "THB": ["baht"],
    "CHF": ["franc", "francs"],
    "SEK": ["krona", "kronor"],
    "NOK": ["krone", "kroner"],
    "TRY": ["lira", "liras", "lire"],
    "ILS": ["shekel", "shekels"],
    "ZAR": ["rand", "rands"],
    "BRL": ["reais"],
    "RUB": ["ruble", "rubles", "rouble", "roubles"],
    "UAH": ["hryvnia", "hryvnias", "hryvnya"],
    "PLN": ["zloty", "zlotys", "zlotych"],
    "HUF": ["forint", "forints"],
    "CZK": ["koruna", "korunas"],
    "AED": ["dirham", "dirhams"],
    "SAR": ["riyal", "riyals"],
    "NGN": ["naira", "nairas"],
    "GHS": ["cedi", "cedis"],
    "KES": ["shilling", "shillings"],
    "GTQ": ["quetzal", "quetzales", "quetzals"],
    "VES": ["bolivar", "bolivars", "bolívar", "bolívares"],
    "VND": ["dong"],
    "BDT": ["taka"],
    "KZT": ["tenge"],
    "PKR": [],
    "KRW": ["won"],
    "HNL": ["lempira", "lempiras"],
    "NIO": ["cordoba", "cordobas", "córdoba", "córdobas"],
    "PEN": ["sol", "soles"],
    "PYG": ["guarani", "guaranies"],
    "CRC": ["colon", "colones", "colón"],
    "BTC": ["bitcoin", "bitcoins"],
}
# Bare words that are also common English words: read only when tagged a noun.
NOUN_ONLY = {"won", "sol", "rand", "dong", "colon", "buck", "bucks", "real"}
# Minor units: a hundredth (or the stated share) of a currency, each with its own code.
MINOR_UNITS = {
    "cent": {"name": "cent", "of": "USD", "share": 0.01,
             "words": ["cent", "cents"], "signs": ["¢"]},
    "pence": {"name": "penny", "of": "GBP", "share": 0.01,
              "words": ["penny", "pence", "pennies", "p"], "signs": ["p"]},
    "sen": {"name": "sen", "of": "MYR", "share": 0.01, "words": ["sen"], "signs": []},
    "centavo": {"name": "centavo", "of": "MXN", "share": 0.01,
                "words": ["centavo", "centavos"], "signs": []},
    "kopek": {"name": "kopek", "of": "RUB", "share": 0.01,
              "words": ["kopek", "kopeks", "kopeck", "kopecks"], "signs": []},
    "paisa": {"name": "paisa", "of": "INR", "share": 0.01,
              "words": ["paisa", "paise"], "signs": []},
    "dime": {"name": "dime", "of": "USD", "share": 0.1, "words": ["dime", "dimes"],
             "signs": []},
}
# A country written next to "$" in a dollar amount: "$US55m", "HK $5.4m", "$40 Cdn".
DOLLAR_COUNTRIES_BEFORE = {"US": "USD", "A": "AUD", "AU": "AUD", "NZ": "NZD", "C": "CAD",
                           "HK": "HKD", "NT": "TWD", "S": "SGD", "R": "BRL", "MX": "MXN",
                           "Mex": "MXN"}
DOLLAR_COUNTRIES_AFTER = {"U.S.": "USD", "US": "USD", "Cdn": "CAD", "CDN": "CAD",
                          "Can": "CAD", "Aus": "AUD", "NZ": "NZD"}


def _toml(value: object) -> str:
    return json.dumps(value, ensure_ascii=False)


def main() -> None:
    """Write the currency table."""
    english = Locale("en")
    lines = [
        "# Currencies for figure extraction. GENERATED by scripts/build_currency_table.py from",
        "# the Unicode CLDR data in Babel plus the curated lists in that script: edit there.",
        "# To add or change currencies without code, write your own TOML file in this format",
        '# with `extends = "default"` at its top and pass',
        "# load_unit_table(currencies=your_file) to extract_figures(units=...).",
        "#",
        "# [currencies.CODE]  ISO 4217 code (the `unit` column)",
        "#   name     English name",
        "#   names    full names, lower-cased, singular and plural (\"canadian dollars\")",
        "#   signs    signs written before or after the number, case-sensitive (\"C$\", \"€\")",
        "#   glued    signs read only glued to the number (\"R50\")",
        "#   words    bare words after the number (\"yen\"); a word several currencies or a",
        "#            unit of measure share is resolved from context",
        "#   noun_only  bare words read only when the tagger calls them a noun (\"won\")",
        "# [minor.CODE]  a minor unit: `of` its currency, `share` of one unit of it",
        "# [dollar_countries]  a country written next to \"$\": before (\"HK $5\") or after",
        "#                     the amount (\"$40 Cdn\")",
        "",
    ]
    for code in sorted(list_currencies()):
        name = get_currency_name(code, locale="en")
        plural = get_currency_name(code, count=2, locale="en")
        if name == code:
            continue
        symbol = english.currency_symbols.get(code, "")
        signs = [*EXTRA_SIGNS.get(code, [])]
        if symbol and symbol != code and symbol not in signs:
            signs.append(symbol)
        # A dated name ("Afghan Afghani (1927–2002)") leaves the words to today's currency.
        dated = "(" in name
        names = [] if dated else sorted({name.lower(), plural.lower(), *EXTRA_NAMES.get(code, [])})
        words = BARE_WORDS.get(code, [])
        lines.append(f"[currencies.{code}]")
        lines.append(f"name = {_toml(name)}")
        lines.append(f"names = {_toml(names)}")
        lines.append(f"signs = {_toml([sign for sign in signs if sign not in GLUED_ONLY])}")
        glued = [sign for sign in signs if sign in GLUED_ONLY]
        if glued:
            lines.append(f"glued = {_toml(glued)}")
        if words:
            lines.append(f"words = {_toml(words)}")
            noun_only = [word for word in words if word in NOUN_ONLY]
            if noun_only:
                lines.append(f"noun_only = {_toml(noun_only)}")
        lines.append("")
    for code, minor in MINOR_UNITS.items():
        lines.append(f"[minor.{code}]")
        for key, value in minor.items():
            lines.append(f"{key} = {_toml(value)}")
        lines.append("")
    lines.append("[dollar_countries.before]")
    lines += [f"{_toml(key)} = {_toml(value)}" for key, value in DOLLAR_COUNTRIES_BEFORE.items()]
    lines.append("")
    lines.append("[dollar_countries.after]")
    lines += [f"{_toml(key)} = {_toml(value)}" for key, value in DOLLAR_COUNTRIES_AFTER.items()]
    OUT.write_text("\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT}")


if __name__ == "__main__":
    main()
