"""The xlwings Lite bundle: one self-contained main.py generated from the pyfuncs source,
plus the requirements.txt that Lite installs.

The modules that pyfuncs.udfs needs are concatenated in dependency order. Imports between
pyfuncs modules are dropped; `module.name` references to them become plain `name`, which
is safe because the generator refuses a name defined in two modules or a local variable
that would hide such a name. Other imports are collected at the top.
"""

import ast
import sys
import textwrap
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path

import pyfuncs
from budgets.bestanden import check_writable, write_atomically

PACKAGE = "pyfuncs"
ENTRY = "udfs"
STANDAARD_MAP = Path("xl/lite")
# Import name -> distribution Lite installs; numpy and pandas come with Pyodide (not pinned).
PYODIDE_PACKAGES = {"numpy": "numpy", "pandas": "pandas", "numpy_financial": "numpy-financial",
                    "xlwings": "xlwings"}
PINNED = {"numpy-financial": "numpy-financial", "xlwings": None}
XLWINGS_MINIMUM = "xlwings>=0.33"


class BundelFout(RuntimeError):
    """The pyfuncs source uses a construct the bundler cannot flatten safely."""


@dataclass(frozen=True)
class Module:
    """One parsed pyfuncs module: its source lines, tree and intra-package imports."""

    naam: str
    regels: list[str]
    boom: ast.Module
    afhankelijk: tuple[str, ...]  # pyfuncs modules it imports
    aliassen: dict[str, str]  # local name -> pyfuncs module (kw -> kwartaal)


def _source_dir() -> Path:
    return Path(pyfuncs.__file__).parent


def _is_intra(node: ast.stmt) -> bool:
    if isinstance(node, ast.ImportFrom):
        return node.level > 0 or (node.module or "").split(".")[0] == PACKAGE
    return isinstance(node, ast.Import) and any(a.name.split(".")[0] == PACKAGE for a in node.names)


def _intra_imports(name: str, tree: ast.Module) -> tuple[list[str], dict[str, str]]:
    deps, aliases = [], {}
    nested = [n for n in ast.walk(tree) if isinstance(n, (ast.Import, ast.ImportFrom)) and _is_intra(n)]
    if len(nested) != sum(_is_intra(n) for n in tree.body):
        raise BundelFout(f"{name}: importeer {PACKAGE}-modules alleen bovenaan de module")
    for node in tree.body:
        if not _is_intra(node):
            continue
        if isinstance(node, ast.Import) or node.level > 0:
            raise BundelFout(f"{name}: gebruik 'from {PACKAGE}... import ...' (regel {node.lineno})")
        if node.module == PACKAGE:
            for alias in node.names:
                if not (_source_dir() / f"{alias.name}.py").exists():
                    raise BundelFout(f"{name}: {alias.name} is geen module van {PACKAGE}")
                deps.append(alias.name)
                aliases[alias.asname or alias.name] = alias.name
        else:
            deps.append(node.module.split(".", 1)[1])
            if any(alias.asname for alias in node.names):
                raise BundelFout(f"{name}: 'import ... as ...' uit {node.module} (regel {node.lineno})")
    return deps, aliases


def load_module(name: str) -> Module:
    text = (_source_dir() / f"{name}.py").read_text(encoding="utf-8")
    tree = ast.parse(text)
    deps, aliases = _intra_imports(name, tree)
    return Module(name, text.splitlines(), tree, tuple(dict.fromkeys(deps)), aliases)


def module_order(entry: str = ENTRY) -> list[Module]:
    """The modules entry needs, each after the modules it imports."""
    order: dict[str, Module] = {}

    def visit(name: str, path: tuple[str, ...]) -> None:
        if name in path:
            raise BundelFout(f"kringverwijzing tussen modules: {' -> '.join((*path, name))}")
        if name in order:
            return
        module = load_module(name)
        for dep in module.afhankelijk:
            visit(dep, (*path, name))
        order[name] = module

    visit(entry, ())
    return list(order.values())


def _external_imports(module: Module) -> list[ast.stmt]:
    return [node for node in module.boom.body
            if isinstance(node, (ast.Import, ast.ImportFrom)) and not _is_intra(node)]


def _bound_names(node: ast.stmt) -> list[str]:
    if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
        return [node.name]
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        return [(a.asname or a.name).split(".")[0] for a in node.names]
    targets = node.targets if isinstance(node, ast.Assign) else [getattr(node, "target", None)]
    return [n.id for t in targets if t is not None for n in ast.walk(t) if isinstance(n, ast.Name)]


def _bindings(module: Module, node: ast.stmt) -> list[tuple[str, str]]:
    """(name, what it is bound to): an import's full dotted source, otherwise the module."""
    if isinstance(node, ast.Import):
        return [((a.asname or a.name).split(".")[0], f"import {a.name}") for a in node.names]
    if isinstance(node, ast.ImportFrom):
        return [(a.asname or a.name, f"import {node.module}.{a.name}") for a in node.names]
    return [(name, module.naam) for name in _bound_names(node)]


def check_names(modules: list[Module]) -> None:
    """Refuse a top-level name bound by two modules (the same import twice is allowed)."""
    owners: dict[str, tuple[str, str]] = {}
    for module in modules:
        for node in module.boom.body:
            if _is_intra(node):
                continue
            for name, source in _bindings(module, node):
                owner, first = owners.setdefault(name, (module.naam, source))
                if owner != module.naam and not (first == source and source.startswith("import ")):
                    raise BundelFout(f"de naam {name} staat in {owner} en in {module.naam}")


def _rewritten(module: Module, node: ast.AST) -> list[ast.Attribute]:
    return [n for n in ast.walk(node) if isinstance(n, ast.Attribute)
            and isinstance(n.value, ast.Name) and n.value.id in module.aliassen]


def check_shadowing(module: Module, defined: dict[str, set[str]]) -> None:
    """Refuse `alias.name` where name is missing in its module or hidden by a local name."""
    for attribute in _rewritten(module, module.boom):
        if attribute.attr not in defined[module.aliassen[attribute.value.id]]:
            raise BundelFout(f"{module.naam}: {attribute.value.id}.{attribute.attr} is niet gedefinieerd")
    for function in [n for n in module.boom.body if isinstance(n, ast.FunctionDef)]:
        local = {n.arg for n in ast.walk(function) if isinstance(n, ast.arg)}
        local |= {n.id for n in ast.walk(function)
                  if isinstance(n, ast.Name) and isinstance(n.ctx, ast.Store)}
        hidden = local & {a.attr for a in _rewritten(module, function)}
        if hidden:
            raise BundelFout(f"{module.naam}.{function.name}: lokale naam {sorted(hidden)[0]} verbergt "
                             "een functie van een andere module")


def _top_level_names(module: Module) -> set[str]:
    return {name for node in module.boom.body if not _is_intra(node) for name in _bound_names(node)}


def _docstring_lines(tree: ast.Module) -> range:
    first = tree.body[0] if tree.body else None
    if isinstance(first, ast.Expr) and isinstance(getattr(first.value, "value", None), str):
        return range(first.lineno, first.end_lineno + 1)
    return range(0)


def flatten(module: Module) -> str:
    """The module's code without its docstring and imports, `alias.name` as `name`."""
    drop = set(_docstring_lines(module.boom))
    for node in module.boom.body:
        if isinstance(node, (ast.Import, ast.ImportFrom)):
            drop.update(range(node.lineno, node.end_lineno + 1))
    cuts: dict[int, list[tuple[int, int]]] = {}
    for attribute in _rewritten(module, module.boom):
        name = attribute.value
        cuts.setdefault(name.lineno, []).append((name.col_offset, name.end_col_offset + 1))
    lines = []
    for number, line in enumerate(module.regels, start=1):
        if number in drop:
            continue
        raw = line.encode("utf-8")  # ast offsets count UTF-8 bytes
        for start, end in sorted(cuts.get(number, []), reverse=True):
            if raw[end - 1:end] != b".":
                raise BundelFout(f"{module.naam} regel {number}: onverwachte schrijfwijze van een verwijzing")
            raw = raw[:start] + raw[end:]
        lines.append(raw.decode("utf-8"))
    return "\n".join(lines).strip("\n")


def _summary(module: Module) -> str:
    doc = ast.get_docstring(module.boom) or ""
    return doc.splitlines()[0] if doc else ""


def _header_imports(modules: list[Module]) -> str:
    """The external imports of all modules, merged per source, standard library first."""
    plain: set[str] = set()
    froms: dict[str, dict[str, None]] = {}
    for module in modules:
        for node in _external_imports(module):
            if isinstance(node, ast.Import):
                plain.update(ast.unparse(ast.Import(names=[a])) for a in node.names)
            else:
                names = froms.setdefault(node.module, {})
                names.update({a.name if a.asname is None else f"{a.name} as {a.asname}": None
                              for a in node.names})
    sections: dict[bool, list[str]] = {True: [], False: []}
    for line in sorted(plain):
        sections[line.split()[1].split(".")[0] in sys.stdlib_module_names].append(line)
    for source in sorted(froms):
        line = f"from {source} import {', '.join(sorted(froms[source]))}"
        sections[source.split(".")[0] in sys.stdlib_module_names].append(line)
    return "\n\n".join("\n".join(lines) for lines in (sections[True], sections[False]) if lines)


def check_packages(modules: list[Module]) -> list[str]:
    """The import roots outside the standard library, also of imports inside a function
    (numpy_financial is loaded where it is used); refuse those Pyodide lacks."""
    roots = []
    for module in modules:
        for node in ast.walk(module.boom):
            if not isinstance(node, (ast.Import, ast.ImportFrom)) or _is_intra(node):
                continue
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
            roots.extend(name.split(".")[0] for name in names)
    outside = sorted({root for root in roots if root not in sys.stdlib_module_names})
    missing = [root for root in outside if root not in PYODIDE_PACKAGES]
    if missing:
        raise BundelFout(f"niet beschikbaar in xlwings Lite (Pyodide): {', '.join(missing)}")
    return outside


def render_main() -> str:
    """The text of main.py for xlwings Lite."""
    modules = module_order()
    check_names(modules)
    defined = {module.naam: _top_level_names(module) for module in modules}
    for module in modules:
        check_shadowing(module, defined)
    check_packages(modules)
    parts = [
        f'"""xlwings Lite: alle Excel-functies (PB_...) van de productbegroting in één bestand.\n\n'
        f"Gemaakt met `begroting lite` uit {PACKAGE} {pyfuncs.__version__}: wijzig niet dit bestand maar\n"
        f"{PACKAGE}/ en maak het opnieuw. Modules in volgorde:\n"
        f'{textwrap.fill(", ".join(m.naam for m in modules), 88)}.\n"""',
        _header_imports(modules),
    ]
    for module in modules:
        parts.append(f"# ---- {PACKAGE}/{module.naam}.py: {_summary(module)}\n\n{flatten(module)}")
    return "\n\n\n".join(parts) + "\n"


def render_requirements() -> str:
    """requirements.txt for Lite: Pyodide's own numpy and pandas unpinned, the rest pinned."""
    lines = []
    for root in check_packages(module_order()):
        distribution = PYODIDE_PACKAGES[root]
        if distribution == "xlwings":
            lines.append(XLWINGS_MINIMUM)
        elif distribution in PINNED:
            lines.append(f"{distribution}=={metadata.version(distribution)}")
        else:
            lines.append(distribution)
    return "\n".join(sorted(lines)) + "\n"


def write_bundle(folder: Path, overwrite: bool = False) -> list[Path]:
    """Write main.py and requirements.txt into folder (each atomically)."""
    texts = {"main.py": render_main(), "requirements.txt": render_requirements()}
    for name in texts:
        check_writable(Path(folder) / name, overwrite)
    written = []
    for name, text in texts.items():
        written.append(write_atomically(Path(folder) / name,
                                        lambda tmp, text=text: tmp.write_text(text, encoding="utf-8"),
                                        overwrite))
    return written
