"""The samples: valid against the JSON Schema, faithful to their sources, and usable."""

import json

import jsonschema
import pytest
import yaml

from budgets.spec.laden import load_spec
from budgets.spec.resultaten import compute

SAMPLES = ("werkom", "rivierenland", "lekstroom")


def _yaml(root, name):
    """The sample as JSON data (dates as text, as a JSON validator sees them)."""
    raw = yaml.safe_load((root / "samples" / name / "begroting.yaml").read_text(encoding="utf-8"))
    return json.loads(json.dumps(raw, default=str))


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_matches_the_json_schema(root, name):
    schema = json.loads((root / "budgets/schema/begroting.schema.json").read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(schema)
    jsonschema.validate(_yaml(root, name), schema)


def test_schema_rejects_what_the_loader_rejects(root):
    schema = json.loads((root / "budgets/schema/begroting.schema.json").read_text(encoding="utf-8"))
    raw = _yaml(root, "werkom")
    raw["risicos"][0]["kans"] = 1.5
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate(raw, schema)


@pytest.mark.parametrize("name", SAMPLES)
def test_sample_says_what_is_illustrative(root, name):
    header = (root / "samples" / name / "begroting.yaml").read_text(encoding="utf-8").split("\ngr:")[0]
    assert "ILLUSTRATIEF" in header


def test_werkom_follows_the_source(root):
    """Berenschot §4.6.2 volumes and §1.3.2 meerjarenraming (× € 1.000)."""
    spec = load_spec(root / "samples/werkom/begroting.yaml")
    volumes = {
        "Re-integratie": [1500, 1450, 1400, 1400, 1400],
        "Wsw": [448, 430, 415, 400, 390],
        "Begeleiding beschut": [70, 105, 131, 131, 131],
    }
    for product, expected in volumes.items():
        totals = [sum(spec.volume(g, product, y) for g in spec.gemeenten) for y in spec.jaren]
        assert totals == pytest.approx(expected)
    result = compute(spec).regels["Resultaat meerjarenraming"]
    published = [-1055, -1797, -2583, -2912, -2936]
    assert [result[y] for y in spec.jaren] == [amount * 1000 for amount in published]
    assert spec.aandelen("PW-budget", 2023) == pytest.approx([2 / 3, 1 / 3])


def test_second_sample_has_the_required_variety(root):
    spec = load_spec(root / "samples/rivierenland/begroting.yaml")
    assert len(spec.gemeenten) >= 8
    assert len(spec.risicos) >= 10
    kinds = {k.soort for k in spec.verdeelsleutels}
    assert {"inwoners", "se", "hybride"} <= kinds
    assert all(g.inwoners and g.se for g in spec.deelnemers)
