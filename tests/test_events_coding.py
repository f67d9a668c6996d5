"""Issue 6, second round: the broadened verb dictionary, agent-noun actors, CAMEO actor codes,
the pair classifier on top of the dictionary, and a malformed publication date (sentences
written for sitrep)."""

from __future__ import annotations

import pytest

from sitrep import events
from sitrep.eval.events import cameo_actor
from sitrep.events import classify
from sitrep.events.participants import agent_code, is_participant
from sitrep.schema import Actor, ActorRef, Article


def _events(make_ctx, text: str, published: str | None = "2023-05-10", model: str = "shipped"):
    art, ctx = make_ctx(text, published)
    art.actors = []
    if model == "none":
        with classify.using(None):
            events.run(art, ctx)
    else:
        events.run(art, ctx)
    return art


def _find(art, category: str):
    found = [e for e in art.events if e.category == category]
    assert found, [(e.category, e.trigger) for e in art.events]
    return found[0]


@pytest.mark.parametrize(
    ("text", "category", "root"),
    [
        ("Estonia ratified a border treaty with Latvia on Monday.", "AGREE", "05"),
        ("Chilean prosecutors launched an investigation into the Peruvian mining firm.", "ACCUSE", "09"),
        ("A Moroccan court jailed two Spanish fishermen for three years.", "COERCE", "17"),
        ("Turkey launched an air strike against Kurdish militants in northern Iraq.", "ASSAULT", "19"),
        ("Ethiopia released 40 Eritrean prisoners on Tuesday.", "CONCEDE", "08"),
        ("Hundreds of Kenyan nurses staged a protest against the health ministry.", "PROTEST", "14"),
        ("China conducted naval drills near Taiwan this week.", "MOBILIZE", "15"),
        ("Lithuania recalled its ambassador from China.", "SANCTION", "16"),
        ("Japan apologized to South Korea for the remarks.", "SUPPORT", "05"),
        ("Slovakia will help Ukraine with winter fuel.", "AID", "07"),
        ("Serbian police used force to disperse Kosovo Albanian villagers.", None, None),
    ],
)
def test_broadened_dictionary_codes_each_class(make_ctx, text, category, root):
    art = _events(make_ctx, text, model="none")  # the dictionary alone
    if category is None:
        return  # the sentence only has to run
    ev = _find(art, category)
    assert ev.cameo is not None and ev.cameo.startswith(root)
    assert is_participant(ev.actor)


def test_agent_noun_actor_without_country(make_ctx):
    art = _events(make_ctx, "Rebels attacked an army convoy near the river crossing.", model="none")
    ev = _find(art, "ASSAULT")
    assert ev.actor is not None and ev.actor.name.lower() == "rebels" and ev.actor.country is None
    assert cameo_actor(ev.actor, art) == "---REB"


def test_agent_noun_police_with_demonym_codes_cop(make_ctx):
    art = _events(make_ctx, "Belarusian police detained three journalists in Minsk on Friday.", model="none")
    ev = _find(art, "COERCE")
    assert ev.actor is not None and ev.actor.country == "BY"
    assert cameo_actor(ev.actor, art) == "BLRCOP"
    assert ev.target is not None and cameo_actor(ev.target, art) == "---MED"


def test_participle_modifier_is_the_target_not_the_actor(make_ctx):
    art = _events(make_ctx, "The Malian soldiers killed in the ambush were buried on Sunday.", model="none")
    assert all(e.actor is None or e.actor.name != "Malian soldiers" for e in art.events if e.category == "ASSAULT")


def test_cameo_actor_codes_from_head_noun_role_and_group() -> None:
    art = Article(id="a", source="a", raw="", body="")
    assert cameo_actor(ActorRef(None, "Kenyan police", "KE"), art) == "KENCOP"
    assert cameo_actor(ActorRef(None, "Syrian rebels", "SY"), art) == "SYRREB"
    assert cameo_actor(ActorRef(None, "government forces", None), art) == "---MIL"
    assert cameo_actor(ActorRef(None, "government", None), art) == "---GOV"
    assert cameo_actor(ActorRef(None, "UN troops", "UN"), art) == "IGOUNOMIL"
    assert cameo_actor(ActorRef(None, "EU", "EU"), art) == "IGOEUREEC"
    art.actors = [Actor("P1", "Ana Ortiz", "person", role="Foreign Minister", country="ES")]
    assert cameo_actor(ActorRef("P1", "Ana Ortiz", "ES"), art) == "ESPGOV"
    art.actors[0].role = "Defence Minister"  # a sub-role where the role makes it clear (round 3)
    assert cameo_actor(ActorRef("P1", "Ana Ortiz", "ES"), art) == "ESPGOVMIL"
    assert agent_code("the protesters") == "OPP" and agent_code("a river") is None


def test_malformed_publication_date_does_not_crash(make_ctx):
    art = _events(make_ctx, "Ghana deployed 300 troops to the border on Wednesday.", published="121108")
    ev = _find(art, "MOBILIZE")
    assert ev.date is None  # a weekday cannot be resolved without a valid publication date
    assert ev.actor is not None and ev.actor.country == "GH"


def test_generic_verb_is_coded_only_with_the_classifier(make_ctx):
    text = "Norway evacuated 200 Sudanese refugees to Kenya."
    assert _events(make_ctx, text, model="none").events == [] or all(
        e.trigger != "evacuated" for e in _events(make_ctx, text, model="none").events
    )
    with_model = _events(make_ctx, text)
    generic = [e for e in with_model.events if e.trigger == "evacuated"]
    for ev in generic:  # when the classifier is sure enough, the event carries a lower confidence
        assert ev.confidence < 0.8 and ev.cameo is not None


def test_constrained_dictionary_entry_is_not_recoded(make_ctx):
    art = _events(make_ctx, "Poland is sending 1,500 soldiers to the Belarusian border.")
    ev = _find(art, "MOBILIZE")
    assert ev.cameo == "154"


def test_using_restores_the_shipped_model() -> None:
    shipped = classify.active_model()
    with classify.using(None):
        assert classify.active_model() is None
        assert classify.classify_pair("Peru thanked Chile.", (0, 4), (13, 18)) is None
    assert classify.active_model() is shipped


def _pair(nlp, text: str, source: str, target: str):
    doc = nlp(text)
    s, t = text.index(source), text.index(target)
    return doc[:], (s, s + len(source)), (t, t + len(target))


def test_pair_features_read_the_parse(nlp):
    feats = classify.pair_features(*_pair(nlp, "Kenya said it would free 300 Somali prisoners on Friday.", "Kenya", "300 Somali prisoners"))
    assert "TRIG=say" in feats and "REPORTED" in feats  # the reporting verb is over the pair...
    assert {"TV=free", "TVMOD=would", "TVR=CONCEDE", "TV+OBJ=free_prisoner"} <= set(feats)  # ...the action is below it
    assert "SPATH=nsubj" in feats and "TDEP=dobj" in feats
    negated = classify.pair_features(*_pair(nlp, "Ghana did not expel the Togolese envoy.", "Ghana", "the Togolese envoy"))
    assert {"TRIGNEG", "TRIGNEG=expel", "TRIG=expel"} <= set(negated)


@pytest.mark.parametrize(
    ("text", "source", "target", "category"),
    [
        ("Ukraine accused Moscow of shelling civilian areas.", "Ukraine", "Moscow", "ACCUSE"),
        ("The Dutch foreign minister met his Belgian counterpart in Brussels.", "The Dutch foreign minister", "his Belgian counterpart", "CONSULT"),
        ("Egyptian warplanes bombed militant camps in eastern Libya.", "Egyptian warplanes", "militant camps", "ASSAULT"),
        ("Canada expelled two Russian diplomats.", "Canada", "two Russian diplomats", "SANCTION"),
        ("Japan sent 50 tonnes of food aid to Tonga.", "Japan", "Tonga", "AID"),
    ],
)
def test_shipped_classifier_codes_clear_pairs(nlp, text, source, target, category):
    found = classify.classify_pair_proba(*_pair(nlp, text, source, target))
    assert found is not None and found[0] == category and found[1] > 0.5


def test_model_round_trip_keeps_both_parts() -> None:
    rows = [["ORDER=st", "B=thank"], ["ORDER=st", "B=attack"], ["ORDER=ts", "B=thank", "S=x"], ["ORDER=st", "B=attack", "T=y"]]
    labels = ["SUPPORT", "ASSAULT", "SUPPORT", "ASSAULT"]
    model = classify.train(rows, labels, epochs=50)
    loaded = classify.load_bytes(classify.save(model))
    assert loaded.nb is not None and loaded.nb.shape == loaded.weights.shape == (len(model.vocab), 2)
    for feats, label in zip(rows, labels):
        assert loaded.predict(feats) == model.predict(feats) == label
    assert loaded.predict(["B=unknown"]) in labels  # no known feature: the bias alone decides


# Issue 6, end-to-end round: participants the target and actor search used to miss.
def _summary(art, body: str):
    return [(e.category, e.cameo, e.actor and body[e.actor.span[0]:e.actor.span[1]] if e.actor and e.actor.span else None,
             e.target and body[e.target.span[0]:e.target.span[1]] if e.target and e.target.span else None) for e in art.events]


def test_acronym_read_as_common_noun_still_acts(make_ctx):
    text = "FEMA returned the seized trucks to the county government."
    art = _events(make_ctx, text, model="none")
    assert [(e.category, e.actor.name) for e in art.events] == [("CONCEDE", "FEMA")]


@pytest.mark.parametrize(
    ("text", "cameo", "target"),
    [
        ("Ghana withdrew its peacekeepers from Mali on Monday.", "1661", "Mali"),
        ("Ethiopia expelled twelve aid workers from Tigray.", "1663", "aid workers"),
    ],
)
def test_withdrawn_or_expelled_mission_staff_is_a_sanction(make_ctx, text, cameo, target):
    art = _events(make_ctx, text, model="none")
    ev = next(e for e in art.events if e.cameo == cameo)
    assert ev.category == "SANCTION"
    assert text[ev.target.span[0] : ev.target.span[1]] == target


def test_object_pronoun_target_is_its_antecedent_not_the_actor(make_ctx):
    text = "A Sudanese minister was freed after the Chadian president pardoned him."
    art = _events(make_ctx, text, model="none")
    ev = next(e for e in art.events if e.trigger == "pardoned")
    assert ev.actor.country == "TD"
    assert ev.target is not None and ev.target.country == "SD"
    assert text[ev.target.span[0] : ev.target.span[1]].endswith("minister")


def test_person_noun_without_country_is_a_target(make_ctx):
    art = _events(make_ctx, "Iraq freed 40 prisoners on Sunday.", model="none")
    ev = next(e for e in art.events if e.category == "CONCEDE")
    assert ev.target is not None and ev.target.name.endswith("prisoners")
    assert agent_code("40 prisoners") is None  # a party, but no CAMEO role of its own
    assert is_participant(ev.target)


# Issue 6, no-event round: event nouns as triggers, added verbs, agentless expulsions (sentences written for sitrep).


def _summary(art) -> list[tuple]:
    return [(e.category, e.cameo, e.actor and e.actor.country, e.target and e.target.country) for e in art.events]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Canada announced a suspension of aid to Haiti on Friday.", ("SANCTION", "162", "CA", "HT")),
        ("Ukrainian forces began their offensive against Russian positions near Kherson.", ("ASSAULT", "190", "UA", "RU")),
        ("Kenya announced an agreement with Somalia on the border.", ("AGREE", "057", "KE", "SO")),
        ("Qatar announced the release of four Nepali workers.", ("CONCEDE", "084", "QA", "NP")),
        ("The African Union voiced its strong condemnation of the coup in Niger.", ("ACCUSE", "111", "AU", "NE")),
        ("Turkey announced a ceasefire in Idlib on Thursday.", ("RETREAT", "0871", "TR", "SY")),
    ],
)
def test_event_noun_reported_by_a_light_verb_is_an_event(make_ctx, text, expected):
    art = _events(make_ctx, text, model="none")
    assert _summary(art) == [expected]


def test_event_noun_in_a_background_adjunct_is_no_event(make_ctx):
    art = _events(make_ctx, "Polish officials complained about a raid on a Polish charity in Minsk.", model="none")
    assert [e.category for e in art.events] == ["ACCUSE"]  # the complaint, not an assault


def test_ceasefire_target_is_a_place_not_any_in_phrase(make_ctx):
    art = _events(make_ctx, "The coalition declared a two-week ceasefire in a bid to calm the region.", model="none")
    assert all(e.target is None or e.target.name != "bid" for e in art.events)


@pytest.mark.parametrize(
    ("text", "pair"),
    [
        ("Chile and Peru began joint naval exercises off the coast.", ("COOPERATE", "062", "CL", "PE")),
        ("Talks between Armenia and Azerbaijan resumed in Brussels.", ("CONSULT", "040", "AM", "AZ")),
        ("Cooperation between Ghana and Togo was strengthened last year.", ("COOPERATE", "060", "GH", "TG")),
    ],
)
def test_reciprocal_event_noun_gives_one_event(make_ctx, text, pair):
    """The parties of a joint act give one event (the CAMEO view lists the reverse direction)."""
    art = _events(make_ctx, text, model="none")
    assert _summary(art) == [pair]


def test_led_modifier_names_the_actor_and_the_noun_folds_into_its_verb(make_ctx):
    art = _events(make_ctx, "A Russian-led strike on a Syrian market killed 12 people.", model="none")
    assert [(e.category, e.trigger, e.actor.country) for e in art.events] == [("ASSAULT", "killed", "RU")]
    assert [q.value for q in art.events[0].quantities] == [12.0]


def test_light_verb_and_counted_noun_are_one_event(make_ctx):
    art = _events(make_ctx, "The envoy held two meetings with Taliban leaders in Doha.", model="none")
    assert [(e.category, e.trigger) for e in art.events] == [("CONSULT", "held")]
    assert [q.value for q in art.events[0].quantities] == [2.0]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Israeli troops apprehended a Lebanese man near the border.", ("COERCE", "173", "IL", "LB")),
        ("Washington reduced tariffs on Chinese steel.", ("CONCEDE", "085", "US", "CN")),
        ("A Danish court found the former mayor guilty of fraud.", ("ACCUSE", "116", "DK", None)),
    ],
)
def test_added_verbs(make_ctx, text, expected):
    art = _events(make_ctx, text, model="none")
    assert _summary(art) == [expected]


def test_lemmatiser_slip_still_triggers(make_ctx):
    """The tagger lemmatises "staging" as "stag": ``lemma_aliases`` maps it back."""
    art = _events(make_ctx, "Teachers were staging a sit-in protest against the ministry.", model="none")
    assert [(e.category, e.trigger) for e in art.events] == [("PROTEST", "staging")]


def test_agent_phrase_with_untagged_name_is_the_actor(make_ctx):
    art = _events(make_ctx, "A car bomb attack by the Islamic State group killed 20 people in Syria.", model="none")
    ev = _find(art, "ASSAULT")
    assert ev.actor is not None and "Islamic State" in ev.actor.name


@pytest.mark.parametrize(
    ("text", "target_country"),
    [
        ("The Hungarian ministry declined to reply to a request from Austria for the files.", "AT"),
        ("Chile's navy refused to accept Peru's request for a joint patrol.", "PE"),
    ],
)
def test_refusal_to_answer_a_request_targets_the_requester(make_ctx, text, target_country):
    art = _events(make_ctx, text, model="none")
    ev = _find(art, "REJECT")
    assert ev.trigger in ("declined", "refused") and ev.target is not None and ev.target.country == target_country


def test_refusal_of_an_uncoded_act_without_a_request_is_no_event(make_ctx):
    art = _events(make_ctx, "Ecuador's president refused to comment on the rumours.", model="none")
    assert [e for e in art.events if e.category == "REJECT"] == []
