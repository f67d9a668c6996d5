"""Date expressions resolved against a publication date (events/time.py)."""

from __future__ import annotations

from datetime import date

from sitrep.events.time import find_date_mentions, resolve_date, weekday_date

PUB = "2022-02-02"  # a Wednesday


def _one(text: str, tense: str = "past", published: str | None = PUB):
    mentions = find_date_mentions(text)
    assert len(mentions) == 1, mentions
    return resolve_date(mentions[0], published, tense)  # type: ignore[arg-type]


def test_time_explicit_date_with_year():
    d = _one("Talks were held on March 14, 2021 in Geneva.")
    assert (d.value, d.precision, d.text) == ("2021-03-14", "day", "March 14, 2021")


def test_time_explicit_date_abbreviated_month():
    assert _one("Officials met on Jan. 28 in Paris.").value == "2022-01-28"


def test_time_explicit_date_without_year_in_future_clause():
    assert _one("The envoy will travel on February 9.", tense="future").value == "2022-02-09"


def test_time_month_and_year_is_a_month_window():
    d = _one("The drills began in May 2021.")
    assert (d.value, d.end, d.precision) == ("2021-05-01", "2021-05-31", "month")


def test_time_weekday_past_looks_back():
    assert _one("The minister said Monday the talks failed.").value == "2022-01-31"


def test_time_weekday_future_looks_ahead():
    assert _one("The president will visit Warsaw Friday.", tense="future").value == "2022-02-04"


def test_time_same_weekday_as_publication_is_that_day():
    assert _one("She is expected to call him Wednesday.", tense="future").value == PUB
    assert _one("He said Wednesday that ships had left.").value == PUB


def test_time_sunday_publication_with_sunday():
    assert _one("The army said Sunday it had moved.", published="2022-02-06").value == "2022-02-06"
    assert weekday_date(date(2022, 2, 6), 6, "future") == date(2022, 2, 6)


def test_time_last_week_is_previous_monday_to_sunday():
    d = _one("Reserves were called up last week.")
    assert (d.value, d.end, d.precision) == ("2022-01-24", "2022-01-30", "week")


def test_time_earlier_this_month_and_coming_days_are_windows():
    early = _one("The ministers spoke earlier this month.", published="2022-02-17")
    assert (early.value, early.end, early.precision) == ("2022-02-01", "2022-02-16", "window")
    coming = _one("More ships will arrive in the coming days.", tense="future")
    assert (coming.value, coming.precision) == ("2022-02-03", "window")
    assert coming.end is not None and coming.end > coming.value


def test_time_yesterday_and_last_weekday():
    assert _one("Rockets fell yesterday.").value == "2022-02-01"
    assert _one("They met last Wednesday.").value == "2022-01-26"


def test_time_no_date_expression():
    assert find_date_mentions("Troops moved toward the river.") == []


def test_time_weekday_without_publication_date_is_unresolved():
    m = find_date_mentions("They met Tuesday.")[0]
    assert resolve_date(m, None, "past") is None


def test_find_timexes_sunday_publication_and_sunday() -> None:
    from sitrep.events.time import find_timexes

    text = "The minister said on Sunday that talks will resume on Friday and last two weeks."
    got = {t.text: (t.type, t.value) for t in find_timexes(text, "2022-02-06")}  # a Sunday
    assert got["Sunday"] == ("DATE", "2022-02-06")
    assert got["Friday"] == ("DATE", "2022-02-11")
    assert ("DURATION", "P2W") in got.values()


def test_find_timexes_shapes() -> None:
    from sitrep.events.time import find_timexes

    text = "Between 7/8/07 and mid-2009, last week, the third quarter, 16:05 UTC and recently."
    values = [t.value for t in find_timexes(text, "2008-10-15")]
    assert values == ["2007-07-08", "2009", "2008-W41", "2008-Q3", "2008-10-15T16:05Z", "PAST_REF"]
