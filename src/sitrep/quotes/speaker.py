"""Who is speaking: the subject of a reporting cue, read from the parse, found among the actors.

The subject token is looked up in the actors' mention offsets (so "he", "the spokesman"
and "Kirby" all lead to the actor the actors stage grouped them into). A he/she that no
actor claims goes to the last named person before it. Anything else that is not an
actor's mention leaves the quote unattributed: a speaker is never guessed.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass

from spacy.tokens import Doc, Token

from .. import countries
from ..countries import stance_marked
from ..actors.lexicon import roles
from ..schema import Actor
from . import phrases
from .cues import HAS_CLITICS, lexicon

_SUBJECT_DEPS = ("nsubj", "nsubjpass")
# Clause links a participle or second verb climbs to find the subject ("..., saying",
# "X expressed support and said"); how many links at most.
_CLIMB_DEPS = frozenset({"advcl", "conj", "xcomp", "parataxis", "ccomp", "pcomp", "prep", "dep", "acomp", "attr"})
MAX_CLIMB = 4
# Mentions nested in an enclosing mention ("the Defense Department spokesman") sit just
# after it in start order; how many to look back over.
_LOOKBACK = 8
_PERSONAL = frozenset({"he", "she", "him", "her"})
_RELATIVE = frozenset({"who", "which", "that"})
_EXPLETIVES = frozenset({"it", "there"})
_PASSIVE_DEPS = frozenset({"auxpass", "nsubjpass"})
# A noun a participle hangs on ("issued a statement saying") that stands for its verb's subject
# (only under a verb: "with a statement saying" keeps the statement as source, PolNeAR train).
_CARRIER_DEPS = frozenset({"dobj", "pobj", "attr"})
# Pronouns a participle cue can hang on as its source ("those describing themselves as ...").
_ACL_PRONOUNS = frozenset({"those", "some", "others", "many", "one", "few"})
# Nouns a participle cue hangs on that speak for themselves even as a verb's object ("held up a
# sign saying", "featuring voters telling", "were given tickets telling"; PolNeAR train).
_NOT_CARRIED = frozenset({"sign", "signs", "ticket", "tickets", "banner", "banners", "poster", "posters",
                          "people", "voters", "residents", "supporters", "protesters", "others"})
# Longest run of words before a source's head read as part of its mention.
MAX_SOURCE_PREMODS = 6


@dataclass
class Speaker:
    """The actor found for a cue (None when the source is no actor: "officials", "a poll"),
    and the mention it was read from."""

    actor: Actor | None
    span: list[int]
    fallback: bool = False  # found by the last-named-person rule, not by the actors' coreference


class ActorIndex:
    """Actor mentions sorted by offset, for lookups by character position."""

    def __init__(self, actors: list[Actor]) -> None:
        spans = sorted(((s, e, a) for a in actors for s, e in a.mentions), key=lambda x: (x[0], -x[1]))
        self.spans = spans
        self.starts = [s for s, _, _ in spans]

    def at(self, start: int, end: int) -> tuple[Actor, list[int]] | None:
        """The actor whose innermost mention contains [start, end)."""
        k = bisect.bisect_right(self.starts, start)
        best = None
        for s, e, a in self.spans[max(0, k - _LOOKBACK) : k]:
            if s <= start and end <= e and (best is None or e - s < best[1][1] - best[1][0]):
                best = (a, [s, e])  # the innermost mention: "Erdogan" inside "adviser to Erdogan"
        return best

    def country(self, code: str) -> Actor | None:
        """The article's country actor for an alpha-2 code, if it has one."""
        return next((a for _, _, a in self.spans if a.kind == "country" and a.country == code), None)

    def last_named_person(self, pos: int, body: str) -> tuple[Actor, list[int]] | None:
        """The person whose name (not a pronoun or description) appears last before pos."""
        for s, e, a in reversed(self.spans[: bisect.bisect_left(self.starts, pos)]):
            if a.kind == "person" and body[s:e][:1].isupper() and body[s:e].lower() not in _PERSONAL \
                    and not body[s:e].lower().startswith("the "):
                return a, [s, e]
        return None


def subject_of(cue: Token) -> Token | None:
    """The token naming who speaks through this cue; None for a passive without an agent
    ("is expected to", "Asked whether ...": PolNeAR gives these no source)."""
    if cue.lower_ == "according":
        for to in cue.children:
            if to.lower_ == "to":
                return next((c for c in to.children if c.dep_ == "pobj"), None)
        return None
    if cue.pos_ == "NOUN":
        src = phrases.noun_source(cue)
        if src is False and _sourceless_noun(cue):
            return None
        return subject_of(cue.head) if src is False else src
    if _passive(cue):
        agent = next((c for c in cue.children if c.dep_ == "agent"), None)
        return next((c for c in agent.children if c.dep_ == "pobj"), None) if agent is not None else None
    outer = _reporting_conj(cue)
    if outer is not None:  # "X said that she ... and predicted ...": X predicted
        return subject_of(outer)
    tok = _reporting_frame(cue) or _aside_host(cue) or cue
    gerund = cue.dep_ == "pcomp" and cue.tag_ == "VBG"
    for _ in range(MAX_CLIMB + 1):
        subj = _nearest_subject(tok)
        if subj is not None and _quoted_away(subj, cue):
            # `"Good speech, Mr. President," Senator Kim told him`: the parser's subject is in the
            # quote; the speaker is its apposition outside it, or found after the cue ("tweeted another")
            subj = next((c for c in subj.children if c.dep_ in ("appos", "conj") and not _quoted_away(c, cue)), None)
            if subj is None:
                break
        if subj is not None:
            if tok.i != cue.i and subj.lower_ in _EXPLETIVES and tok.lemma_ == "be":
                return None  # "it is hard to talk about ...": the climb met an expletive, no source
            return _carried_subject(subj) or subj
        obj = _controller(tok)
        if obj is not None:
            return obj
        csubj = next((c for c in tok.children if c.dep_ == "csubj" and c.i < tok.i), None)
        if csubj is not None:  # "[voters] going to the polls said": the parser's clausal subject
            return next((c for c in csubj.children if c.dep_ in _SUBJECT_DEPS), csubj)
        if tok.dep_ == "acl" and (tok.head.pos_ in ("NOUN", "PROPN") or tok.head.lower_ in _ACL_PRONOUNS):
            # "an NSC statement saying ...", but "X issued a statement saying": X (and "X built a
            # campaign focused on ...": the campaign, whose state the participle names)
            noun = tok.head
            aside = _quoted_host(noun, tok)
            if aside is not None:
                return aside
            if noun.dep_ in _CARRIER_DEPS and noun.head.pos_ in ("VERB", "AUX") and not _existential(noun.head) \
                    and noun.pos_ != "PROPN" and noun.lemma_.lower() not in _NOT_CARRIED \
                    and not _named_by_copula(noun, tok) and tok.lemma_.lower() not in _STATE_PARTICIPLES \
                    and not (tok.lemma_.lower() in _AIM_PARTICIPLES and _held_by_person(tok)):
                tok = noun.head
                continue
            verb = _scene_verb(noun)
            if verb is not None:  # "at one point calling", "in order to determine": the verb's subject
                tok = verb
                continue
            return _of_phrase(noun, tok) or noun
        if tok.head is tok:
            break
        if tok.dep_ not in _CLIMB_DEPS and not (gerund and tok.pos_ == "NOUN" and tok.dep_ in _GERUND_NOUN_DEPS
                                                and tok.head.pos_ in ("VERB", "AUX", "ADP")):
            break  # "adopted an attack by labeling ...", "drew criticism for promoting ...": on to the verb
        tok = tok.head
    # "said Kirby", or a participle hanging on it: `"...," said Kirby, adding that ...`
    climbed = tok.i != cue.i and tok.lemma_.lower() in lexicon()["verbs"]
    return _adjacent_name(cue) or (_adjacent_name(tok) if climbed else None)


_QUOTE_TOKENS = frozenset({'"', "“", "”", "''", "``"})
# Prepositions setting a noun cue as the cause or time of another act ("resigned after reports that
# ...", "is unpopular because of fears that ..."): the act's subject does not voice it (PolNeAR train).
_BACKDROP_PREPS = frozenset({"after", "because", "since", "before", "following", "than"})
# Verbs whose subject brings up a question, doubt or debate without voicing it when it is a thing
# ("the documents raised questions about ...", "that begs the question of ...": PolNeAR train).
_QUESTIONING_VERBS = frozenset({"raise", "stir", "leave"})
# Noun cues for what is heard or felt around an act, not what its subject says ("resigned after
# reports that ...", but "apologized after remarks that ...": the subject's own remarks).
_HEARSAY = frozenset({"report", "rumor", "rumour", "allegation", "accusation", "claim", "speculation", "suggestion",
                      "revelation", "word", "news", "charge", "fear", "concern", "worry", "suspicion", "doubt",
                      "question", "anxiety", "hope", "expectation", "disclosure", "outrage", "anger",
                      "criticism", "backlash", "uproar", "complaint"})
# Heads that clearly name a thing or an event, never a person or group ("the audit raised questions",
# "released data that suggest ..."); with the parser's gerund nouns ("the shooting", "the ruling").
_THING_HEADS = frozenset({
    # documents, media and figures
    "document", "report", "audit", "study", "survey", "poll", "data", "datum", "figure", "number", "result",
    "finding", "record", "email", "e-mail", "letter", "memo", "video", "footage", "photo", "image", "ad",
    "advertisement", "piece", "story", "article", "book", "column", "editorial", "caption", "index", "list",
    "statement", "speech", "message", "tweet", "post", "remark", "comment", "interview", "announcement",
    "endorsement", "promise",
    # decisions, measures and plans
    "decision", "verdict", "ruling", "plan", "proposal", "bill", "law", "rule", "measure", "policy", "deal",
    "agreement", "program", "programme", "project", "idea", "move", "step", "action",
    # events and changes
    "attack", "incident", "episode", "event", "case", "scandal", "leak", "revelation", "disclosure", "death",
    "loss", "defeat", "victory", "win", "vote", "performance", "clash", "war", "crisis", "change", "shift",
    "rise", "fall", "decline", "increase", "cut", "delay", "failure", "development", "situation", "issue",
    "problem", "question"})
_THINGS = frozenset({"it", "this", "that", "which"})
_PEOPLE_ENTS = frozenset({"PERSON", "ORG", "NORP", "GPE"})
_GROUPS = frozenset({"group", "organization", "organisation", "party", "committee", "campaign", "administration",
                     "government", "agency", "board", "council", "panel", "court", "union", "company", "firm",
                     "team", "staff", "family", "public", "press", "media", "network", "newspaper", "paper"})


def _sourceless_noun(noun: Token) -> bool:
    """Whether a noun cue the parse would give its verb's subject has no source: in a backdrop
    phrase ("after reports that ..."), after "beg", or a thing's "raised questions"."""
    if noun.dep_ == "pobj":
        prep = noun.head
        if noun.lemma_.lower() not in _HEARSAY:
            return False  # "apologized after remarks that ...": the subject's own words
        return prep.lower_ in _BACKDROP_PREPS \
            or (prep.lower_ == "of" and prep.i > 0 and prep.nbor(-1).lower_ == "because")
    if noun.dep_ != "dobj":
        return False
    verb = noun.head
    if verb.lemma_.lower() == "beg":
        return True  # "begs the question of ..."
    if verb.lemma_.lower() not in _QUESTIONING_VERBS:
        return False
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    return subj is not None and _thing(subj)


def _thing(tok: Token) -> bool:
    """A word that clearly names no one: "it", "this", or a common noun heading a thing or an
    event ("the documents", "the clash"); never an entity, a role or a group ("police", "women",
    "the bank", "the opposition" stay sources)."""
    if tok.lower_ in _THINGS:
        return True
    lemma = tok.lemma_.lower()
    if tok.pos_ != "NOUN" or tok.ent_type_ in _PEOPLE_ENTS or lemma in lexicon()["unnamed_heads"] \
            or lemma in _GROUPS or lemma in roles():
        return False
    return lemma in _THING_HEADS or tok.lower_ in _THING_HEADS or lemma in lexicon()["carrier_nouns"] \
        or (len(lemma) > 5 and lemma.endswith("ing"))


def _quoted_away(subj: Token, cue: Token) -> bool:
    """Whether an odd number of quotation marks stands between a subject and its cue: the subject
    is inside a quotation the cue is outside of."""
    lo, hi = sorted((subj.i, cue.i))
    return sum(1 for t in subj.doc[lo + 1 : hi] if t.text in _QUOTE_TOKENS) % 2 == 1


def _quoted_host(noun: Token, participle: Token) -> Token | None:
    """`"Too much anger," she said, blaming ...`: the parser hung the participle on a noun inside
    the quotation; it is said by the subject of the reporting verb between them (PolNeAR train)."""
    if not _quoted_away(noun, participle):
        return None
    for c in noun.children:
        if c.dep_ in ("parataxis", "ccomp") and noun.i < c.i < participle.i and c.lemma_.lower() in lexicon()["verbs"]:
            subj = next((g for g in c.children if g.dep_ in _SUBJECT_DEPS), None)
            if subj is not None and not _quoted_away(subj, participle):
                return subj
    return None


def _nearest_subject(tok: Token) -> Token | None:
    """The verb's subject; of two (the parser's misreading of `"The fact is ...," Kim said`, or a
    dateline taken for one), the one nearest the verb."""
    subjs = [c for c in tok.children if c.dep_ in _SUBJECT_DEPS]
    if len(subjs) < 2:
        return subjs[0] if subjs else None
    return min(subjs, key=lambda c: abs(c.i - tok.i))


def _reporting_conj(cue: Token) -> Token | None:
    """The reporting verb a subjectless reporting cue is coordinated with through its reported
    clause ("Kim said that she was tired and predicted ...", "Kim insists she will stay and
    refuses to ..."): the parser hangs the second cue on the clause's verb, but its speaker is
    the outer verb's (PolNeAR train). None otherwise."""
    if cue.dep_ != "conj" or any(c.dep_ in _SUBJECT_DEPS for c in cue.children):
        return None
    lex = lexicon()
    clause = cue.head
    outer = clause.head
    if clause.dep_ != "ccomp" or outer.i >= clause.i:
        return None
    if cue.lemma_.lower() not in lex["verbs"] and cue.lemma_.lower() not in lex["clause_verbs"] \
            and not _tense_clash(cue, clause):
        return None
    if outer.lemma_.lower() not in lex["clause_verbs"] or outer.pos_ != "VERB":
        return None
    return outer


def _tense_clash(verb: Token, clause: Token) -> bool:
    """ "insists that he will fight on and refuses to ...": a finite verb cannot share the modal or
    base form of the clause verb it is tied to, so it goes with the verb outside that clause."""
    if verb.tag_ not in _FINITE or any(c.dep_ == "aux" for c in verb.children):
        return False
    return clause.tag_ == "VB" and any(c.dep_ == "aux" and c.tag_ == "MD" for c in clause.children)


def _reporting_frame(cue: Token) -> Token | None:
    """The reporting verb whose reported clause a comma participle cue hangs on ("Kim told them
    that Lee had failed, adding ...", "Kim wrote the agents knew ..., saying ..."): the parser
    attaches the participle to the reported clause's verb, but it is said by the reporter
    (PolNeAR train). None otherwise."""
    if cue.dep_ != "advcl" or cue.tag_ != "VBG" or cue.i == 0 or cue.nbor(-1).text not in _HANDOVER:
        return None
    clause = cue.head
    if clause.dep_ != "ccomp" or clause.i > cue.i:
        return None
    outer = clause.head
    lex = lexicon()
    if outer.pos_ != "VERB" or outer.i > clause.i:
        return None
    if outer.lemma_.lower() not in lex["verbs"] \
            and outer.lemma_.lower() not in lex["clause_verbs"]:
        return None
    if not any(c.dep_ == "nsubj" and c.i < outer.i for c in outer.children):
        return None
    return outer


_ASIDE_ENDS = frozenset({"-", "--", "—", "–", ")"})


def _aside_host(cue: Token) -> Token | None:
    """The verb a second verb is really coordinated with when the parser tied it to the verb of an
    aside set off by dashes or brackets ("Kim criticised the plan - 'it is a mess,' she said - and
    warned ...", "Kim called them liars (though he allowed ...) and promised ..."): the aside's own
    subject does not speak through the cue (PolNeAR train). None otherwise."""
    if cue.dep_ != "conj" or any(c.dep_ in _SUBJECT_DEPS for c in cue.children):
        return None
    aside = cue.head
    if aside.i > cue.i or not any(c.dep_ in _SUBJECT_DEPS for c in aside.children):
        return None
    if not _dash_between(cue.doc, aside.i + 1, cue.i):
        return None
    if aside.dep_ == "ROOT":  # `Kim suggested ... - "...," she said - and warned`: the parser's root is the aside
        subj = next(c for c in aside.children if c.dep_ in _SUBJECT_DEPS)
        host = next((c for c in aside.children if c.dep_ == "ccomp" and c.i < subj.i
                     and any(g.dep_ == "nsubj" and g.i < c.i for g in c.children)
                     and _dash_between(cue.doc, c.i + 1, subj.i)), None)
        return host if host is not None and host.pos_ == "VERB" else None
    host = aside.head
    if host.pos_ not in ("VERB", "AUX") or host.i > aside.i or host.lemma_ == "be":
        return None
    return host


def _dash_between(doc: Doc, start: int, end: int) -> bool:
    """Whether a dash or closing bracket stands in doc[start:end] (a spaced "-", not the hyphen
    of "right-to-work")."""
    return any(t.text in _ASIDE_ENDS and (t.text != "-" or (t.whitespace_ and t.i > 0 and t.nbor(-1).whitespace_))
               for t in doc[start:end])


# Nouns that speak for themselves in a scene phrase ("with a statement saying", PolNeAR train).
_WRITTEN = frozenset({"statement", "message", "letter", "email", "e-mail", "memo", "note", "tweet", "post",
                      "report", "release", "editorial", "column", "essay", "petition", "resolution", "sign",
                      "banner", "poster", "ad", "advertisement", "commercial", "video", "headline", "title",
                      "poll", "survey", "study", "group", "other", "one", "item", "call", "disclaimer"})
_SHARES = frozenset({"much", "most", "part", "all", "some", "half", "rest"})
_SOURCE_PREPS = frozenset({"despite", "like", "from", "alongside"})


def _named_by_copula(noun: Token, participle: Token) -> bool:
    """ "They were the only candidates making ...", "He's a puppet saying ...": a participle
    right on a copula's noun (no comma between, or in a list of them) is that noun's, not the
    subject's (PolNeAR train) -- unless the subject names someone itself ("Senator Warren was the
    first candidate saying ...", "The spokesman is the official saying ..."): the noun is only
    its description."""
    if noun.dep_ != "attr" or noun.head.lemma_ != "be":
        return False
    subj = next((c for c in noun.head.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    if subj is not None and subj.pos_ != "PRON" and (subj.pos_ == "PROPN" or subj.ent_type_ in _PEOPLE_ENTS
                                                    or subj.lemma_.lower() in roles()
                                                    or subj.lemma_.lower() in lexicon()["unnamed_heads"]):
        return False  # "Senator Warren was the first candidate saying ...": Warren, not her description
    return participle.nbor(-1).text != "," or any(c.dep_ == "acl" and c.tag_ == "VBG" and c.i < participle.i
                                                  for c in noun.children)  # "... restricting X, limiting Y"


def _scene_verb(noun: Token) -> Token | None:
    """The verb a prepositional phrase holding a participle's noun hangs on ("he battled ..., at one
    point calling ...", "sizing up the field in order to determine", "with a speech denouncing ..."):
    the participle is the verb's subject's, not the noun's (PolNeAR train). None otherwise."""
    if noun.dep_ != "pobj" or noun.head.dep_ != "prep" or noun.lemma_.lower() in _WRITTEN \
            or noun.lemma_.lower() in _NOT_CARRIED or noun.pos_ != "NOUN" or noun.head.lower_ in _SOURCE_PREPS:
        return None
    verb = noun.head.head
    if verb.lower_ in _SHARES and verb.dep_ in ("dobj", "npadvmod"):
        verb = verb.head  # "spent much of his speech praising ..."
    if verb.pos_ not in ("VERB", "AUX") or _existential(verb):
        return None
    return verb


def _of_phrase(noun: Token, participle: Token) -> Token | None:
    """ "a video of Kim talking about ...": the participle the parser hung on the first noun is
    said by the "of" phrase just before it (PolNeAR train)."""
    for prep in noun.children:
        if prep.dep_ == "prep" and prep.lower_ == "of" and prep.i < participle.i:
            obj = next((o for o in prep.children if o.dep_ == "pobj"), None)
            if obj is not None and obj.right_edge.i == participle.i - 1:
                return obj
    return None


# Verbs whose object, whatever it is, carries their subject's words ("released data that suggest ...",
# "ran a piece that noted ...", "launched a campaign that attacked ...": PolNeAR train).
_PUBLISHING_VERBS = frozenset({"release", "launch", "issue", "publish", "air", "unveil", "post", "add"})


def _carried_subject(subj: Token) -> Token | None:
    """ "She issued a statement that said ...": a relative pronoun standing for a statement-like
    noun (``carrier_nouns``) that is a verb's object, or for the object of a publishing verb,
    speaks for that verb's subject (PolNeAR train)."""
    if subj.lower_ not in ("that", "which") or subj.head.dep_ != "relcl":
        return None
    noun = subj.head.head
    if noun.dep_ not in _CARRIER_DEPS:
        return None
    verb = noun.head
    if verb.pos_ not in ("VERB", "AUX"):
        return None
    if noun.lemma_.lower() not in lexicon()["carrier_nouns"] \
            and not (noun.dep_ == "dobj" and verb.lemma_.lower() in _PUBLISHING_VERBS and _thing(noun)):
        return None
    return next((c for c in verb.children if c.dep_ == "nsubj"), None)


def _existential(verb: Token) -> bool:
    """ "there is evidence suggesting ...": the noun itself is the source, not the verb's subject."""
    return any(c.dep_ == "expl" or (c.dep_ == "nsubj" and c.lower_ in _EXPLETIVES) for c in verb.children)


# Verbs whose object an infinitive does not speak for ("used the comments to urge", PolNeAR train).
_PURPOSE_VERBS = frozenset({"use"})
# Noun links a gerund cue's preposition climbs through ("a long history of blaming").
_GERUND_NOUN_DEPS = frozenset({"dobj", "pobj", "attr"})


def _controller(tok: Token) -> Token | None:
    """The object of the verb an infinitive cue depends on ("led [experts] to suspect")."""
    if tok.dep_ != "xcomp" or not any(c.dep_ == "aux" and c.lower_ == "to" for c in tok.children):
        return None
    if tok.head.lemma_.lower() in _PURPOSE_VERBS:
        return None  # "used the speech to call for ...": the user calls, not the speech
    return next((c for c in tok.head.children if c.dep_ == "dobj" and c.i < tok.i), None)


def no_source(cue: Token) -> bool:
    """Whether the cue is a passive without agent ("Asked whether ...", "is expected to"): PolNeAR
    gives these no source, whatever stands near them."""
    return cue.lower_ != "according" and cue.pos_ != "NOUN" and _passive(cue) \
        and not any(c.dep_ == "agent" for c in cue.children)


# Participles naming a state of mind or a stance their subject holds ("is convinced that", "are
# divided over", "is aligned with"): without a "by" agent the subject is the source (PolNeAR train).
_STATE_PARTICIPLES = frozenset({"assure", "divide", "split", "persuade", "convince", "rattle", "align", "thrill",
                                "embitter", "unite", "engage", "miff", "worry", "disappoint", "upset", "alarm",
                                "poise", "commit", "dedicate", "devote", "determine", "glue", "delight", "concern",
                                "interest", "bore", "infatuate"})


# "focused on", "aimed at": a stance only when a person holds it ("those focused on ratings"); on a
# thing ("a letter focused on claims", "the rules are aimed at") it names no source.
_AIM_PARTICIPLES = frozenset({"focus", "aim"})


def _held_by_person(cue: Token) -> bool:
    """Whether the participle's holder (its noun, or its passive subject) names people."""
    holder = cue.head if cue.dep_ == "acl" else next((c for c in cue.children if c.dep_ == "nsubjpass"), None)
    if holder is None:
        return False
    lemma = holder.lemma_.lower()
    if holder.pos_ == "PRON":
        return holder.lower_ not in _THINGS and lemma not in ("it", "this", "these")
    return holder.ent_type_ in ("PERSON", "NORP", "ORG") or lemma in roles() \
        or lemma in lexicon()["unnamed_heads"] or lemma in _GROUPS


def _passive(cue: Token) -> bool:
    """A passive cue, or a bare past participle opening a clause ("Asked about ...")."""
    if any(c.lower_ in HAS_CLITICS for c in cue.children if c.dep_ == "auxpass"):
        return False  # "He's said ...": the parser's passive is "has said"
    stance = cue.lemma_.lower() in _STATE_PARTICIPLES \
        or (cue.lemma_.lower() in _AIM_PARTICIPLES and _held_by_person(cue))
    if stance and not any(c.dep_ == "agent" for c in cue.children):
        return False  # "Kim is assured of ...", "they were divided over ...": Kim holds the view
    if any(c.dep_ in _PASSIVE_DEPS for c in cue.children):
        return True
    if cue.tag_ == "VBN" and cue.dep_ == "acl" and cue.lemma_.lower() not in lexicon()["verbs"]:
        return True  # "a group known to ...", "hearings intended to ...": a reduced passive relative
    if cue.dep_ == "advcl" and cue.tag_ in ("VBN", "VBD") and cue.i < cue.head.i \
            and cue.lemma_.lower() in lexicon()["passive_addressed"] \
            and not any(c.dep_ in ("aux", "nsubj") for c in cue.children):
        return True  # "Asked whether ..., Kim said": the parser's past tense is the participle
    return cue.tag_ == "VBN" and cue.dep_ == "advcl" and not any(c.dep_ == "aux" for c in cue.children)


_INVERTED_DEPS = frozenset({"dobj", "attr", "npadvmod", "appos"})
_HANDOVER = frozenset({",", "\"", "”", "''"})
_DASHES = frozenset({"—", "–", "--", "-"})


def _adjacent_name(cue: Token) -> Token | None:
    """ "said Kirby": a proper noun right after the cue; after a quote (`"...," added a local
    official`) the phrase right after the cue, which the parser often takes for its object."""
    nxt = cue.nbor(1) if cue.i + 1 < len(cue.doc) else None
    if nxt is not None and nxt.ent_type_ in _WHEN:
        return None  # "Kim, in Ohio, said Tuesday that ...": a date is no speaker
    handover = cue.i > 0 and cue.nbor(-1).text in _HANDOVER
    # `"We will not back down" — warned Putin`: a dash after the quotation hands the name over too
    dashed = cue.i > 1 and cue.nbor(-1).text in _DASHES and (cue.nbor(-2).text in _QUOTE_TOKENS
                                                             or cue.nbor(-2).text == "’")
    if nxt is not None and nxt.pos_ == "PROPN" and (handover or dashed or not _takes_object(cue)):
        return nxt
    if not handover:
        return _name_before(cue)
    if nxt is not None and nxt.is_alpha and nxt.is_title and nxt.head.i == cue.i \
            and nxt.dep_ in ("advmod", "npadvmod", "dobj"):
        return nxt  # `"...," said Early`: a name the parser took for an adverb
    found = next((c for c in cue.children if c.dep_ in _INVERTED_DEPS and c.left_edge.i == cue.i + 1
                  and c.pos_ in ("NOUN", "PROPN", "PRON", "NUM")), None)  # "tweeted another", "read one"
    return found or _phrase_after(cue)


def _takes_object(cue: Token) -> bool:
    """A cue whose next word is its object or listener unless a quotation precedes ("told Fox News",
    "described Trump as ...", "asked Obama"), never its speaker."""
    lemma, lex = cue.lemma_.lower(), lexicon()
    return lemma in lex["addressee_verbs"] or lemma in lex["object_verbs"]


_WHEN = frozenset({"DATE", "TIME"})
_NOUNS = frozenset({"NOUN", "PROPN"})
_PREMODS = frozenset({"DET", "ADJ", "NUM", "PROPN", "NOUN"})
# Longest run of words between an inverted cue and its source's head ("said the former state senator").
MAX_INVERTED_PREMODS = 4


def _phrase_after(cue: Token) -> Token | None:
    """`"...," said the woman, who ...`: the head of the noun phrase right after an inverted cue,
    which the parser hung elsewhere (PolNeAR train)."""
    doc = cue.doc
    if doc[cue.i - 1].text not in _QUOTE_TOKENS:
        return None  # only right after a quotation: "..., said the message was" is a clause
    for tok in doc[cue.i + 1 : min(cue.i + 2 + MAX_INVERTED_PREMODS, len(doc))]:
        if tok.pos_ not in _PREMODS or tok.ent_type_ in _WHEN:
            return None
        if tok.pos_ in _NOUNS and (tok.i + 1 == len(doc) or doc[tok.i + 1].pos_ not in _NOUNS):
            return tok
    return None


def _name_before(cue: Token) -> Token | None:
    """`"...," Will wrote`, `"...," Bozell answers`: a capitalised name between a quotation's end
    and a subjectless cue, which the parser read as a modal or a compound (PolNeAR train)."""
    doc = cue.doc
    start = cue.i
    while start > 0 and cue.i - start < 3 and doc[start - 1].is_title and doc[start - 1].is_alpha:
        start -= 1
    if start == cue.i or start == 0 or doc[start - 1].text not in _HANDOVER:
        return None
    if any(c.dep_ in _SUBJECT_DEPS for c in cue.children):
        return None
    return doc[cue.i - 1]


_FINITE = frozenset({"VBD", "VBZ", "VBP"})
_FINITE_AUX = frozenset({"VBD", "VBZ", "VBP", "MD"})  # "have said", "will say", "did not say"
# Dependencies that keep a noun out of the main clause's subject: scene phrases ("In a statement
# to the Observer, ..."), objects, and what relative clauses hold ("At Boca West, where it costs ...").
_NOT_SUBJECT = frozenset({"pobj", "dobj", "dative", "attr", "oprd", "poss"})
_ASIDE = frozenset({"relcl", "acl"})


def _stray_subject(cue: Token) -> Token | None:
    """The subject of a finite reporting verb whose subject the parser lost in an aside
    ("Beck, who backed Cruz and opposed Trump, last week said ..."): the first noun phrase of
    the sentence outside quotation marks that is no object, scene phrase or relative clause's
    (PolNeAR train)."""
    finite = cue.tag_ in _FINITE or (cue.tag_ in ("VBN", "VB")
                                     and any(c.dep_ == "aux" and c.tag_ in _FINITE_AUX for c in cue.children))
    if not finite or cue.dep_ != "ROOT" or any(c.dep_ in ("auxpass", "expl") for c in cue.children):
        return None
    lemma, lex = cue.lemma_.lower(), lexicon()
    if lemma in lex["raising_verbs"] or (lemma not in lex["verbs"] and lemma not in lex["clause_verbs"]):
        return None
    for chunk in cue.sent.noun_chunks:
        root = chunk.root
        if chunk.end > cue.i:
            return None
        if root.dep_ in _NOT_SUBJECT or root.lower_ in _RELATIVE or root.lower_ in _EXPLETIVES \
                or _quoted_away(root, cue):
            continue
        t = root
        while t.head.i != t.i and t.dep_ not in _ASIDE:
            t = t.head
        if t.dep_ not in _ASIDE:
            return root
    return None


def resolve(doc: Doc, cue: Token, index: ActorIndex, body: str) -> Speaker | None:
    """The speaker of a cue: an actor with the source's words; or, when the source names no
    actor, only the source's words (actor None); None when the cue has no source."""
    subj = subject_of(cue) or _stray_subject(cue)
    if subj is None:
        return None
    span = source_span(subj, cue)
    named = subj.head.head if subj.lower_ in _RELATIVE and subj.head.dep_ == "relcl" else subj
    for tok in _candidates(named):
        hit = index.at(tok.idx, tok.idx + len(tok.text))
        if hit is not None:
            return Speaker(hit[0], span)
    state = _state_of(named, index)
    if state is not None:  # "the Danish government said", "Ukrainian officials said": the country speaks
        return Speaker(state, span)
    if subj.lower_ in _PERSONAL:
        hit = index.last_named_person(subj.idx, body)
        if hit is not None:
            return Speaker(hit[0], span, fallback=True)
    return Speaker(None, span)


# heads of a phrase that speaks for a state when a demonym or a country's possessive marks whose it is
STATE_SPEAKERS = frozenset({"government", "officials", "authorities", "administration", "cabinet", "ministry",
                            "military", "army", "presidency", "leadership", "diplomats"})


def _state_of(subj: Token, index: ActorIndex) -> Actor | None:
    """The country actor a state phrase speaks for ("the Danish government", "Ukraine's military")."""
    if subj.lemma_.lower() not in STATE_SPEAKERS and subj.lower_ not in STATE_SPEAKERS:
        return None
    for mod in subj.children:
        if mod.i > subj.i or stance_marked(mod):
            continue
        code = (countries.demonym_code(mod.text) if mod.dep_ in ("amod", "compound", "nmod")
                else countries.country_code(mod.text) if mod.dep_ == "poss" else None)
        if code:
            return index.country(code)
    return None


_DATELINE_DASHES = frozenset({"—", "–", "―", "--"})


def source_span(subj: Token, cue: Token) -> list[int]:
    """The source's words: the subject's whole phrase with its modifiers and appositions
    ("Pentagon spokesman John Kirby", "Ibrahim Kalin, a top adviser to Erdogan,"), never
    reaching the cue; a relative pronoun is its own source ("who said")."""
    if subj.lower_ in _RELATIVE:
        return [subj.idx, subj.idx + len(subj.text)]
    left, right = subj.left_edge, subj.right_edge
    if left.i <= cue.i <= right.i:
        left, right = (subj.left_edge, subj) if cue.i > subj.i else (subj, subj.right_edge)
        if left.i <= cue.i <= right.i:
            left = right = subj
    if left.i < subj.i - MAX_SOURCE_PREMODS:
        left = subj
    for t in subj.doc[left.i : subj.i]:
        if t.text in _DATELINE_DASHES or (t.text == "-" and t.whitespace_ and t.i > 0 and t.nbor(-1).whitespace_):
            # "WASHINGTON (AP) — Senator Kim", "CLEVELAND - Kim": the dateline is no source
            left = t.nbor(1)
    while left.i < right.i and (left.is_punct or left.is_space):
        left = left.nbor(1)
    while right.i > left.i and (right.is_punct or right.is_space):
        right = right.nbor(-1)
    return [left.idx, right.idx + len(right.text)]


def _candidates(subj: Token) -> list[Token]:
    """The subject, then a name set beside it ("army chief of staff Valery Gerasimov", parsed as
    an apposition), then the compound names inside its phrase ("NSC statement" -> NSC), unless
    the subject is an unnamed person ("a NATO diplomat" is not NATO)."""
    if subj.lower_ in lexicon()["unnamed_heads"]:
        return [subj]
    return ([subj] + [c for c in subj.children if c.dep_ == "appos" and c.pos_ == "PROPN" and not c.conjuncts]
            + [c for c in subj.children if c.dep_ == "compound"])
