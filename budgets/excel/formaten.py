"""The number formats of every workbook the product writes, and the same figures as text
for the terminal. Excel shows them in the reader's locale: `#,##0` reads 1.055 in Dutch."""

from pyfuncs.afronding import excel_round, to_cents

EURO = '"€" #,##0;[Red]"€" -#,##0'
EURO_CENT = '"€" #,##0.00;[Red]"€" -#,##0.00'
AANTAL = "#,##0.0;[Red]-#,##0.0"
GETAL = "#,##0.00;[Red]-#,##0.00"
HEEL_GETAL = "#,##0"
FRACTIE = "0.0000"
PROCENT = "0.0%"
PROCENT_TEKEN = "0.0%;[Red]-0.0%"
DATUM = "d-m-yyyy"  # 1-6-2022 (Dutch short date) on input sheets
DATUM_LANG = "[$-413]d mmmm yyyy"  # 1 juni 2022: Dutch month names whatever the reader's locale


def euro(amount: float) -> str:
    """'€ 1.234' in Dutch notation (whole euros, Excel rounding)."""
    whole = int(excel_round(amount, 0))
    text = f"{abs(whole):,}".replace(",", ".")
    return f"€ {'-' if whole < 0 else ''}{text}"


MAANDEN = ("januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september",
           "oktober", "november", "december")


def datum_tekst(dag) -> str:
    """'1 juni 2022': a date as Dutch documents write it."""
    return f"{dag.day} {MAANDEN[dag.month - 1]} {dag.year}"


def euro_exact(amount: float) -> str:
    """'€ 250.000' for whole euros, '€ 163.790,98' otherwise (Dutch notation, Excel rounding
    to cents): amounts in a text that must add up to the cent. A no-break space keeps the €
    with its number when the text wraps."""
    cents = to_cents(amount)
    whole, rest = divmod(abs(cents), 100)
    text = f"{whole:,}".replace(",", ".") + (f",{rest:02d}" if rest else "")
    return f"€\u00a0{'-' if cents < 0 else ''}{text}"
