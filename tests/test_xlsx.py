"""Header and footer text within Excel's rules; named styles put back into the file."""

from budgets.excel.xlsx import HEADER_LIMIT, header_text, header_within_limit


def test_an_ampersand_in_user_text_is_doubled():
    assert header_text("Werk & Inkomen Lekstroom") == "Werk && Inkomen Lekstroom"
    footer = header_within_limit("&L{}&R&P", "Werk & Inkomen Lekstroom")
    assert footer == "&LWerk && Inkomen Lekstroom&R&P"


def test_a_long_name_is_shortened_to_the_limit():
    name = "Gemeenschappelijke regeling & " * 20
    footer = header_within_limit("&L&8{}&R&8&A – pagina &P van &N", name)
    assert len(footer) <= HEADER_LIMIT
    assert footer.endswith("…&R&8&A – pagina &P van &N")
    text = footer[len("&L&8"):footer.index("…")]
    assert text.replace("&&", "&") == name[: len(text.replace("&&", "&"))]  # a prefix of the name
    assert not text.endswith("&") or text.endswith("&&")  # never a lone '&' before the ellipsis


def test_the_footer_of_a_generated_workbook_escapes_the_name(root, tmp_path):
    import zipfile

    import yaml

    from budgets.werkboek.genereer import generate

    data = yaml.safe_load((root / "samples/werkom/begroting.yaml").read_text(encoding="utf-8"))
    data["gr"]["naam"] = "Werk & Inkomen Lekstroom"
    spec = tmp_path / "lekstroom.yaml"
    spec.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    made = generate(spec, tmp_path / "l.xlsx")
    sheet = zipfile.ZipFile(made.werkmap).read("xl/worksheets/sheet1.xml").decode("utf-8")
    assert "Werk &amp;&amp; Inkomen Lekstroom" in sheet


def test_the_stored_template_styles_are_what_openpyxl_reads_and_only_for_that_template(tmp_path):
    import shutil

    from budgets.excel import xlsx
    from budgets.excel.stijl import TEMPLATE, house_styles

    assert xlsx._stored_styles(TEMPLATE) == xlsx._read_styles(TEMPLATE, house_styles)
    restyled = tmp_path / TEMPLATE.name
    shutil.copyfile(TEMPLATE, restyled)
    shutil.copyfile(xlsx.styles_file(TEMPLATE), xlsx.styles_file(restyled))
    with restyled.open("ab") as file:
        file.write(b"\0")  # another template: the stored styles no longer apply
    assert xlsx._stored_styles(restyled) is None
