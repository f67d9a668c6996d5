"""Quotes, round 9: a name apposed to a possessive role noun ("his deputy, Anna Berg, said ...")
is the speaker. Sentences written for sitrep."""

from __future__ import annotations

from sitrep import actors, quotes


def _quotes(make_ctx, body: str):
    art, ctx = make_ctx(body)
    actors.run(art, ctx)
    quotes.run(art, ctx)
    return art.quotes


def test_name_apposed_to_a_possessive_role_noun_is_the_speaker(make_ctx):
    for body in ("Lena Holt was away on Monday. Her deputy, Anna Berg, said the plan was ready.",
                 "On Monday his deputy, Anna Berg, said the plan was ready.",
                 "The governor was absent. His deputy, Anna Berg, said the plan was ready."):
        found = [q for q in _quotes(make_ctx, body) if q.text == "the plan was ready"]
        assert len(found) == 1, body
        assert found[0].speaker_name == "Anna Berg", body
        s, e = found[0].speaker_span
        assert "Anna Berg" in body[s:e]
