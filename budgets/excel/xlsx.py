"""What the XlsxWriter-based writers share: the template's named styles as XlsxWriter
format properties (read with openpyxl, since XlsxWriter cannot read), the named cell
styles put back into the written file, and header/footer text within Excel's rules.

XlsxWriter writes every format as a plain cell format; `name_styles` rewrites the
file's styles part so that each cell format also refers to its named style
(`cellStyles`), so Excel's Cell Styles gallery and openpyxl's `cell.style` show
"invoer", "totaal", ... as in the template.
"""

import hashlib
import io
import json
import re
import zipfile
from collections.abc import Callable
from pathlib import Path

BORDERS = {"thin": 1, "medium": 2, "dashed": 3, "dotted": 4, "thick": 5, "double": 6, "hair": 7}
HEADER_LIMIT = 255  # characters Excel allows in one header or footer


def _colour(color) -> str | None:
    rgb = getattr(color, "rgb", None)
    return f"#{rgb[-6:]}" if isinstance(rgb, str) and len(rgb) >= 6 else None


def _font(font) -> dict:
    props = {"font_name": font.name, "font_size": font.sz, "bold": bool(font.b), "italic": bool(font.i)}
    if font.u:
        props["underline"] = 1
    colour = _colour(font.color)
    if colour:
        props["font_color"] = colour
    return {k: v for k, v in props.items() if v not in (None, False)}


def _fill(fill) -> dict:
    colour = _colour(fill.fgColor) if fill.fill_type == "solid" else None
    return {"pattern": 1, "bg_color": colour} if colour else {}


def _border(border) -> dict:
    props = {}
    for side in ("left", "right", "top", "bottom"):
        edge = getattr(border, side)
        if edge is not None and edge.style in BORDERS:
            props[side] = BORDERS[edge.style]
            colour = _colour(edge.color)
            if colour:
                props[f"{side}_color"] = colour
    return props


def _alignment(alignment) -> dict:
    props = {}
    if alignment.vertical:
        props["valign"] = {"center": "vcenter"}.get(alignment.vertical, alignment.vertical)
    if alignment.horizontal and alignment.horizontal != "general":
        props["align"] = alignment.horizontal
    if alignment.wrap_text:
        props["text_wrap"] = True
    return props


def style_properties(style) -> dict:
    """One openpyxl NamedStyle as XlsxWriter format properties."""
    props = {**_font(style.font), **_fill(style.fill), **_border(style.border), **_alignment(style.alignment)}
    if style.number_format and style.number_format != "General":
        props["num_format"] = style.number_format
    return props


def template_styles(template: Path, defaults: Callable[[], list]) -> dict[str, dict]:
    """{name: format properties} of the template's named styles; a house style the
    (restyled) template lacks comes from `defaults()` (openpyxl NamedStyles). For the
    template as shipped they are stored beside it (styles_file), so no openpyxl is needed."""
    stored = _stored_styles(Path(template))
    return stored if stored is not None else _read_styles(Path(template), defaults)


def _read_styles(template: Path, defaults: Callable[[], list]) -> dict[str, dict]:
    import openpyxl

    styles = {style.name: style_properties(style) for style in defaults()}
    if template.exists():
        book = openpyxl.load_workbook(template)
        for style in book._named_styles:
            if style.name != "Normal":
                styles[style.name] = style_properties(style)
    return styles


def styles_file(template: Path) -> Path:
    """The template's styles as read once, with the template's sha256: used only while the
    template is unchanged byte for byte."""
    return template.with_name(f"{template.stem}.stijlen.json")


def _stored_styles(template: Path) -> dict | None:
    try:
        stored = json.loads(styles_file(template).read_text(encoding="utf-8"))
        digest = hashlib.sha256(template.read_bytes()).hexdigest()
    except (OSError, ValueError):
        return None
    return stored["stijlen"] if stored.get("sha256") == digest else None


def store_styles(template: Path, defaults: Callable[[], list]) -> Path:
    """Write styles_file(template) from the template as openpyxl reads it."""
    record = {"sha256": hashlib.sha256(template.read_bytes()).hexdigest(),
              "stijlen": _read_styles(template, defaults)}
    target = styles_file(template)
    target.write_text(json.dumps(record, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    return target


_XF = re.compile(r"<xf [^>]*?(?:/>|>.*?</xf>)", re.S)


def _section(xml: str, tag: str) -> re.Match:
    return re.search(rf"<{tag} count=\"\d+\">(.*?)</{tag}>", xml, re.S)


def _named_xml(xml: str, names: dict[int, str]) -> str:
    """styles.xml with a named cell style for every name, and each cell format in
    `names` (xf index → name) attached to it."""
    order = list(dict.fromkeys(names[i] for i in sorted(names)))
    style_xfs = _section(xml, "cellStyleXfs")
    base = len(_XF.findall(style_xfs.group(1)))
    ids = {name: base + i for i, name in enumerate(order)}
    cell_xfs = _section(xml, "cellXfs")
    xfs = _XF.findall(cell_xfs.group(1))
    firsts = {}
    for index, xf in enumerate(xfs):
        if index in names:
            firsts.setdefault(names[index], xf)
            xfs[index] = re.sub(r'xfId="\d+"', f'xfId="{ids[names[index]]}"', xf, count=1)
    extra_xfs = "".join(_style_xf(firsts[name]) for name in order)
    styles = _section(xml, "cellStyles")
    entries = styles.group(1) + "".join(f'<cellStyle name="{n}" xfId="{ids[n]}"/>' for n in order)
    count = len(re.findall("<cellStyle ", entries))
    xml = (xml[: cell_xfs.start(1)] + "".join(xfs) + xml[cell_xfs.end(1):])
    xml = xml.replace(styles.group(0), f'<cellStyles count="{count}">{entries}</cellStyles>')
    style_xfs = _section(xml, "cellStyleXfs")
    body = style_xfs.group(1) + extra_xfs
    return xml.replace(style_xfs.group(0), f'<cellStyleXfs count="{base + len(order)}">{body}</cellStyleXfs>')


def _style_xf(xf: str) -> str:
    """The named-style record made from the first cell format that uses it."""
    xf = re.sub(r' xfId="\d+"', "", xf)
    return re.sub(r' applyAlignment="1"| applyProtection="1"', "", xf)


def name_styles(data: bytes, names: dict[int, str]) -> bytes:
    """The xlsx bytes with named cell styles (xf index → style name) put back;
    every other member is copied unchanged, with its date (deterministic bytes)."""
    source = zipfile.ZipFile(io.BytesIO(data))
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for info in source.infolist():
            content = source.read(info)
            if info.filename == "xl/styles.xml" and names:
                content = _named_xml(content.decode("utf-8"), names).encode("utf-8")
            target.writestr(info, content)
    return out.getvalue()


def header_text(text: str) -> str:
    """User text for a header or footer: a literal '&' written as '&&'."""
    return text.replace("&", "&&")


def header_within_limit(template: str, text: str) -> str:
    """A header/footer from a template of codes with one "{}" for user text: the text
    escaped and, when needed, shortened (ending in "…") so the whole stays within
    Excel's 255 characters."""
    room = HEADER_LIMIT - len(template.replace("{}", ""))
    escaped = header_text(text)
    while len(escaped) > room:
        text = text[: max(len(text) - (len(escaped) - room) - 1, 0)]
        escaped = header_text(text) + "…"
    return template.replace("{}", escaped)
