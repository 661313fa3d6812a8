"""`begroting functies`: list the Excel functions with their one-line help."""

import textwrap

from budgets.functies.catalogus import call_text, catalogue


def add_parser(subparsers) -> None:
    parser = subparsers.add_parser(
        "functies", help="toon de Excel-functies met hun uitleg",
        description="Toont alle Excel-functies (PB_...) met hun argumenten en uitleg.",
        epilog="voorbeeld: begroting functies --uitgebreid",
    )
    parser.add_argument("--uitgebreid", action="store_true", help="toon ook de uitleg per argument")
    parser.add_argument("--markdown", action="store_true",
                        help="toon de volledige functiebeschrijving als Markdown (zoals docs/functies.md)")
    parser.set_defaults(run=run)


def run(args) -> int:
    if args.markdown:
        from budgets.functies.naslag import render_markdown  # calls the functions: loads xlwings

        print(render_markdown(), end="")
        return 0
    functions = catalogue()
    print(f"{len(functions)} Excel-functies (gebruik in Excel met ; als scheidingsteken):\n")
    for functie in functions:
        print(call_text(functie))
        print(textwrap.fill(functie.uitleg, width=100, initial_indent="    ", subsequent_indent="    "))
        if args.uitgebreid:
            for argument in functie.argumenten:
                print(f"      {argument.naam}: {argument.uitleg}")
        print()
    return 0
