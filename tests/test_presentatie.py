"""Bad input for the presentatie keys: a Dutch message with its place, exit 2, nothing written."""

import yaml


def _spec(root, tmp_path, change) -> str:
    data = yaml.safe_load((root / "samples/werkom/begroting.yaml").read_text(encoding="utf-8"))
    change(data)
    path = tmp_path / "spec.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return str(path)


def test_an_unknown_eenheid_is_refused(root, tmp_path, run_cli):
    spec = _spec(root, tmp_path, lambda d: d.update(presentatie={"eenheid": 500}))
    code, _out, err = run_cli("genereer", spec, "-o", tmp_path / "w.xlsx", "--niet-controleren")
    assert code == 2
    assert "presentatie.eenheid: eenheid 500 is onbekend; kies 1 of 1000" in err
    assert not (tmp_path / "w.xlsx").exists()


def test_a_kolomkop_outside_the_years_is_refused(root, tmp_path, run_cli):
    spec = _spec(root, tmp_path, lambda d: d["gr"].update(kolomkoppen={2031: "Raming"}))
    code, _out, err = run_cli("genereer", spec, "-o", tmp_path / "w.xlsx", "--niet-controleren")
    assert code == 2
    assert "gr.kolomkoppen.2031: jaar 2031 valt buiten de meerjarenraming 2022–2026" in err
    assert not (tmp_path / "w.xlsx").exists()
