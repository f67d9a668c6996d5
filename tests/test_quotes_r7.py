"""quotes r7: where content spans start and end. "according to X" ending or opening a sentence
takes the whole rest of the sentence; a partial quote after its cue starts where its clause starts
("said in a statement that the plan's "..."": at "that"); a direct quote after a no-break space or
after a quote closed by a doubled apostrophe is direct; a title quoted between two quotes of one
speaker does not break them apart; "expressed concern about X" and "issued a statement saying X"
report X. All sentences written for sitrep."""

from __future__ import annotations

from quote_helpers import quote_with as _with
from quote_helpers import run_quotes as _run
from quote_helpers import source_of as _source


def _spans(body: str, q) -> list[str]:
    return [body[s:e] for s, e in q.spans]


def test_according_at_the_end_takes_the_whole_sentence(make_ctx):
    body = ("The harbour reopened on Friday morning, and two ferries resumed their crossings by noon, "
            "according to the port authority.")
    q = _with(_run(make_ctx, body), "ferries resumed")
    assert q.cue == "according"
    assert _spans(body, q) == ["The harbour reopened on Friday morning, and two ferries resumed their crossings by noon"]


def test_according_at_the_start_takes_the_rest_of_the_sentence(make_ctx):
    body = ("According to the weather service, the storm weakened overnight and most roads in the valley "
            "were open again by dawn.")
    q = _with(_run(make_ctx, body), "storm weakened")
    assert _spans(body, q) == ["the storm weakened overnight and most roads in the valley were open again by dawn"]


def test_according_in_the_middle_keeps_its_clause(make_ctx):
    body = "The mayor, according to two aides, plans to resign in June."
    q = _with(_run(make_ctx, body), "resign in June")
    assert "according" not in q.text and "two aides" not in q.text


def test_partial_quote_starts_at_its_clause(make_ctx):
    body = ('The coalition of farmers says in a statement that the new water rules "will ruin '
            'hundreds of small family farms within a decade."')
    q = _with(_run(make_ctx, body), "ruin")
    assert q.kind == "partial"
    assert body[q.spans[0][0]:].startswith("that the new water rules")
    assert "statement" not in q.text


def test_partial_quote_right_after_its_cue_is_unchanged(make_ctx):
    body = 'The senator said the bill was "a gift to the big banks and nothing else."'
    q = _with(_run(make_ctx, body), "gift to the big banks")
    assert body[q.spans[0][0]:].startswith("the bill was")


def test_quote_after_a_no_break_space_continues_the_speaker(make_ctx):
    body = ('"We will rebuild the school before winter," Principal Okafor said.\u00a0"The children '
            'deserve a warm classroom and we will give them one."')
    found = _run(make_ctx, body)
    q = _with(found, "rebuild the school")
    assert len(q.spans) == 2 and "warm classroom" in q.text
    assert _source(body, q) == "Principal Okafor"


def test_quote_after_a_doubled_apostrophe_is_direct(make_ctx):
    body = ("''The line was longer than any I have seen,'' said Ms. Lindqvist, who waited two hours to vote. "
            "''But nobody left, and that tells you something.''")
    found = _run(make_ctx, body)
    assert all(q.kind != "partial" for q in found if "nobody left" in q.text)
    q = _with(found, "nobody left")
    assert q.kind == "direct"


def test_title_between_two_quotes_does_not_split_them(make_ctx):
    body = ('"The budget is a promise we cannot keep," Governor Haddad said on "Evening Report." '
            '"We should be honest with voters about that."')
    found = _run(make_ctx, body)
    q = _with(found, "promise we cannot keep")
    assert "honest with voters" in q.text and len(q.spans) == 2
    assert not any("Evening Report" in x.text for x in found)


def test_feeling_noun_object_reports_its_complement(make_ctx):
    body = "Several council members expressed concern about the cost of the new stadium."
    q = _with(_run(make_ctx, body), "cost of the new stadium")
    assert _spans(body, q) == ["the cost of the new stadium"]
    assert _source(body, q) == "Several council members"


def test_statement_saying_reports_what_it_says(make_ctx):
    body = "The ministry issued a statement saying the border crossing would stay closed until Monday."
    q = _with(_run(make_ctx, body), "border crossing")
    assert _spans(body, q) == ["the border crossing would stay closed until Monday"]
