"""Code tables: every PLOVER type has a quad class and a CAMEO fallback with a Goldstein weight."""

from eventwire.knowledge.codes import tables
from eventwire.records import EVENT_TYPES


def test_every_type_has_quad_class_and_default_code():
    t = tables()
    for et in EVENT_TYPES:
        code, weight = t.cameo_for(et)
        assert code in t.goldstein and isinstance(weight, float)
        assert t.quad_class[et] in (1, 2, 3, 4)
    assert t.cameo_for("ASSAULT", "190") == ("190", -10.0)
    assert t.cameo_for("CONSULT", "999")[0] == "040"  # unknown code falls back to the type's


def test_quad_classes_follow_the_gdelt_convention():
    q = tables().quad_class
    assert {q["AGREE"], q["CONSULT"], q["SUPPORT"], q["CONCEDE"]} == {1}
    assert {q["COOPERATE"], q["AID"], q["RETREAT"]} == {2}
    assert {q["REQUEST"], q["ACCUSE"], q["REJECT"], q["THREATEN"]} == {3}
    assert {q["PROTEST"], q["SANCTION"], q["MOBILIZE"], q["COERCE"], q["ASSAULT"]} == {4}


def test_mode_from_the_crosswalk_only_when_types_agree():
    t = tables()
    assert t.mode_and_context("CONSULT", "042") == ("visit", [])
    assert t.mode_and_context("AGREE", "0312") == (None, ["military"])
    assert t.mode_and_context("ASSAULT", "042") == (None, [])
