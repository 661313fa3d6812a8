"""The arrows point one way: layer by layer, no circles, the core does no I/O.

The layers of docs/ontwerp.md: a package may import its own modules, `pyfuncs` and the
packages of lower layers, never a sibling of its own layer or a higher one.
"""

import ast
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
FORBIDDEN_IN_CORE = {"budgets", "openpyxl", "formulas", "yaml", "subprocess", "argparse", "shutil", "xlsxwriter"}

LAYERS = (
    ("pyfuncs",),
    ("excel", "bestanden"),
    ("spec", "grootboek"),
    ("werkboek", "pc", "functies"),
    ("kwartaal", "afrekening", "wijziging", "werkmap", "scenario"),
    ("commands", "cli", "cli_teksten"),
)
LAYER = {package: level for level, packages in enumerate(LAYERS) for package in packages}
TOP_LEVEL_FILES = {"__init__.py", "bestanden.py", "cli.py", "cli_teksten.py"}


def imported_modules(path: Path) -> set[str]:
    """Every module a file imports, top-level or inside a function, as a dotted name."""
    names = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def module_name(path: Path) -> str:
    parts = path.relative_to(ROOT).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def budgets_modules() -> dict[str, Path]:
    return {module_name(p): p for p in (ROOT / "budgets").rglob("*.py")}


ALIASES = {"cli_teksten": "cli"}


def package_of(module: str) -> str:
    """'budgets.spec.model' -> 'spec', 'budgets.cli' -> 'cli', 'pyfuncs.x' -> 'pyfuncs'."""
    parts = module.split(".")
    if parts[0] == "pyfuncs":
        return "pyfuncs"
    package = parts[1] if len(parts) > 1 else "budgets"
    return ALIASES.get(package, package)


def budgets_imports() -> dict[str, set[str]]:
    """Module -> the budgets/pyfuncs modules it imports (names that are modules only)."""
    modules = budgets_modules()
    graph = {}
    for name, path in modules.items():
        targets = set()
        for imported in imported_modules(path):
            if imported in modules:
                targets.add(imported)
            elif imported.split(".")[0] == "pyfuncs":
                targets.add("pyfuncs")
        graph[name] = targets - {name}
    return graph


def wrong_arrows(graph: dict[str, set[str]]) -> list[str]:
    bad = []
    for source, targets in graph.items():
        here = package_of(source)
        for target in targets:
            there = package_of(target)
            if there in (here, "budgets") or source == "budgets":
                continue
            if LAYER.get(there, 99) >= LAYER.get(here, -1):
                bad.append(f"{source} (laag {LAYER.get(here)}) -> {target} (laag {LAYER.get(there)})")
    return sorted(bad)


def circles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Every import cycle between modules (depth-first search, each cycle once)."""
    found, state = [], {}

    def visit(node, stack):
        state[node] = "open"
        stack.append(node)
        for nxt in sorted(graph.get(node, ())):
            if state.get(nxt) == "open":
                found.append(stack[stack.index(nxt):] + [nxt])
            elif nxt not in state:
                visit(nxt, stack)
        stack.pop()
        state[node] = "done"

    for node in sorted(graph):
        if node not in state:
            visit(node, [])
    return found


def layer_table() -> str:
    return "\n".join(f"  laag {level}: {', '.join(packages)}" for level, packages in enumerate(LAYERS))


def test_imports_point_down_the_layers_only():
    bad = wrong_arrows(budgets_imports())
    assert not bad, "lagen:\n" + layer_table() + "\nverkeerde pijlen:\n  " + "\n  ".join(bad)


def test_no_import_circles():
    found = circles(budgets_imports())
    assert not found, "kringen:\n  " + "\n  ".join(" -> ".join(c) for c in found)


def test_every_package_has_a_layer_and_the_top_level_stays_small():
    packages = {p.name for p in (ROOT / "budgets").iterdir() if (p / "__init__.py").exists()}
    assert packages <= set(LAYER), f"pakketten zonder laag: {sorted(packages - set(LAYER))}\n{layer_table()}"
    top = {p.name for p in (ROOT / "budgets").glob("*.py")}
    assert top <= TOP_LEVEL_FILES, f"losse modules bovenin budgets/: {sorted(top - TOP_LEVEL_FILES)}"


def test_the_check_sees_a_wrong_arrow_and_a_circle():
    graph = {"budgets.spec.model": {"budgets.werkboek.plan"}, "budgets.werkboek.plan": {"budgets.spec.model"}}
    assert wrong_arrows(graph) == ["budgets.spec.model (laag 2) -> budgets.werkboek.plan (laag 3)"]
    assert circles(graph) == [["budgets.spec.model", "budgets.werkboek.plan", "budgets.spec.model"]]
    assert wrong_arrows({"budgets.kwartaal.model": {"budgets.afrekening.model"}})  # siblings


def test_core_never_imports_budgets_or_io_libraries():
    for path in (ROOT / "pyfuncs").glob("*.py"):
        bad = {name.split(".")[0] for name in imported_modules(path)} & FORBIDDEN_IN_CORE
        assert not bad, f"{path.name} importeert {sorted(bad)}"


def test_only_the_excel_face_imports_xlwings():
    for path in (ROOT / "pyfuncs").glob("*.py"):
        if path.name != "udfs.py":
            assert "xlwings" not in {name.split(".")[0] for name in imported_modules(path)}, path.name


def test_core_opens_no_files():
    for path in (ROOT / "pyfuncs").glob("*.py"):
        text = path.read_text(encoding="utf-8")
        assert "open(" not in text and "read_text" not in text, path.name


def test_no_python_round_on_money():
    for folder in ("pyfuncs", "budgets"):
        for path in (ROOT / folder).rglob("*.py"):
            for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
                if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "round":
                    raise AssertionError(f"{path}:{node.lineno} gebruikt round(); gebruik excel_round")
