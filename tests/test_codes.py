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


def test_cameo_follows_the_mode():
    t = tables()
    assert t.cameo_for_mode("CONSULT", "040", "phone") == ("041", t.goldstein["041"])
    assert t.cameo_for_mode("CONSULT", "040", "visit")[0] == "042"
    assert t.cameo_for_mode("CONSULT", "040", "third-party")[0] == "044"
    assert t.cameo_for_mode("CONSULT", "040", "mediation")[0] == "045"
    assert t.cameo_for_mode("CONSULT", "040", None)[0] == "040"
    assert t.cameo_for_mode("CONSULT", "043", "visit")[0] == "043"  # a specific code is kept
    assert t.cameo_for_mode("AGREE", "030", "phone")[0] == "030"  # no such code for the type


def test_a_phone_call_is_coded_041(code):
    events = code("The Japanese prime minister spoke by phone with the French president on Tuesday.")
    consults = [e for e in events if e["event_type"] == "CONSULT"]
    assert [(e["mode"], e["cameo"]) for e in consults] == [("phone", "041")]
