"""Entity mentions from spaCy NER and the known-names tables, with the usual NER slips repaired.

Repairs: entities running over a line break are split; a leading "the" and a trailing
possessive are dropped; role words are cut off names ("U.S. National Security" before
"Adviser Jake Sullivan" becomes "U.S."); a known organisation or group (from
``data/countries.json``) wins over an overlapping NER entity; lower-case "entities" are
dropped; a PERSON that is a known place ("Kyiv") becomes a country mention.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from .. import countries
from . import lexicon

LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP", "LOC"})
# Entity types whose words are never part of a person's name ("On Monday Petrescu said").
_NOT_NAMES = frozenset({"DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT", "GPE", "LOC", "NORP", "FAC", "EVENT"})
_SCANNED = frozenset({"nsubj", "appos"})  # dependencies of the tokens the name repairs read
_TRIM_LEFT = frozenset({"the", "a", "an"})
_TRIM_RIGHT = frozenset({"'s", "’s", "'", "’", ",", ".", "-", "\"", "“", "”"})


@dataclass
class Mention:
    """A name in the text: token range, char range, kind and (for places/orgs) a code."""

    tok_start: int
    tok_end: int
    start: int
    end: int
    text: str
    kind: str  # person|org|country|group
    code: str | None = None  # alpha-2 for countries/orgs, group code for groups
    from_table: bool = False
    canonical: str | None = None  # the entity's name when the words differ ("Sudan's army" for "the Sudanese army")

    @property
    def state_body(self) -> bool:
        """A state body read with its country ("the Czech government": ``actors.bodies``)."""
        return self.kind == "org" and self.canonical is not None


def _mention(doc: Doc, s: int, e: int, kind: str, code: str | None, table: bool = False) -> Mention:
    span = doc[s:e]
    return Mention(s, e, span.start_char, span.end_char, span.text, kind, code, table)


def _pieces(ent: Span) -> list[tuple[int, int]]:
    """Token ranges of an entity split at line breaks (an organisation's also at a comma after a
    known place: "The mayor of Kharkiv, Ihor Terekhov, said" is a place and a person; not "Samsung
    Electronics Co., Ltd." or "Ministry of Agriculture, Forestry and Fisheries"), trimmed of articles
    and possessives."""
    out, s = [], ent.start
    for tok in ent:
        # also at a spaced dash: "YEREVAN, Armenia - Armenia and ..." (a dateline, then the text)
        if "\n" in tok.text or (tok.text == "," and ent.label_ == "ORG" and tok.i > s and _place_name(tok.nbor(-1).text)) or (
                tok.text in ("-", "—", "–") and tok.i > ent.start and doc_ws(tok)):
            out.append((s, tok.i))
            s = tok.i + 1
    out.append((s, ent.end))
    doc = ent.doc
    trimmed = []
    for s, e in out:
        while s < e and doc[s].lower_ in _TRIM_LEFT:
            s += 1
        while e > s and doc[e - 1].text in _TRIM_RIGHT:
            e -= 1
        if e > s and any(t.text[:1].isupper() for t in doc[s:e]):
            trimmed.append((s, e))
    return trimmed


def doc_ws(tok: Token) -> bool:
    """A token with a space on both sides."""
    return bool(tok.whitespace_) and bool(tok.doc[tok.i - 1].whitespace_)


def _cut_roles(s: int, e: int, role_tokens: dict[int, tuple[int, int]]) -> tuple[int, int]:
    """Cut role words out of a name range: keep the part before the role, or after a leading one."""
    for i in range(s, e):
        if i in role_tokens:
            rs, re_ = role_tokens[i]
            if rs <= s:
                return _cut_roles(re_, e, role_tokens) if re_ < e else (e, e)
            return s, rs
    return s, e


# "the town of Avdiivka": a name the text calls a settlement is a place, whatever NER made of it
_SETTLEMENTS = frozenset({"town", "city", "village", "settlement", "hamlet", "township", "suburb"})


def _settlement_name(doc: Doc, s: int, e: int) -> bool:
    root = doc[s:e].root
    return (root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lemma_.lower() in _SETTLEMENTS
            and root.head.head.i < s)


# "the Kalbajar district": a name before one of these (lower-case) is an area, whatever NER made of it
_AREAS = frozenset({"district", "region", "province", "governorate", "county", "oblast", "raion", "prefecture",
                    "municipality"})


def _area_name(doc: Doc, s: int, e: int) -> bool:
    return e < len(doc) and doc[e].text in _AREAS and doc[e - 1].head.i == e


def _designator(doc: Doc, s: int, e: int) -> bool:
    """A name glued by a hyphen to one capital or a number is a model designator ("IRIS-T",
    "NASAMS-2"), not an actor ("US-UK talks" keeps both)."""
    return (e + 1 < len(doc) and doc[e].text == "-" and not doc[e - 1].whitespace_ and not doc[e].whitespace_
            and len(doc[e + 1].text) <= 3 and doc[e + 1].text.isalnum()
            and ((len(doc[e + 1].text) == 1 and doc[e + 1].text.isupper()) or any(c.isdigit() for c in doc[e + 1].text)))


def _classify(doc: Doc, s: int, e: int, label: str) -> Mention | None:
    text = doc[s:e].text
    if label in ("PERSON", "ORG", "GPE", "LOC") and (_settlement_name(doc, s, e) or _area_name(doc, s, e)) \
            and not lexicon.armed_group(text):
        return None
    tables = lexicon.countries_table()
    key = " ".join(text.lower().split())
    armed = lexicon.armed_group(text)
    if armed is not None:
        if (e < len(doc) and doc[e].text.islower() and doc[e].lemma_.lower() in _GROUP_NAME_NOUNS
                and doc[e - 1].head.i == e and lexicon.armed_group(doc[s : e + 1].text) is not None):
            e += 1  # "The Houthi movement said" (NER: "Houthi"): the group's name in the table
        return _mention(doc, s, e, "org", armed or None, True)
    if key in tables["organisations"]:
        return _mention(doc, s, e, "org", _owner_country(doc, s) or tables["organisations"][key], True)
    group = countries.group_code(text) or _aliased_group(text)
    if group:
        return _mention(doc, s, e, "group", group)
    code = countries.country_code(text)
    if code and e - s == 1 and label in ("GPE", "LOC", "PERSON") and _first_name_like(doc, doc[s], label == "PERSON"):
        return _mention(doc, s, e, "person", None)  # "Mr Chad", "Chad, 17,", "Chad and his brother"
    if label in ("GPE", "LOC") or (label == "PERSON" and code):  # "Burkina Faso" as a PERSON
        return _mention(doc, s, e, "country", code) if code else None
    if label == "PERSON" and e - s == 1 and countries.demonym_code(text):
        return _norp(doc, s, e)  # "Slovak" before "Foreign Minister Peter Hudak" is no person
    if label == "PERSON":
        return _mention(doc, s, e, "org" if e - s > 1 and org_name(text) else "person", None)
    if label == "NORP":
        if code and len(code) == 2 and countries.demonym_code(text) is None and doc[s].text[:1].isupper():
            return _mention(doc, s, e, "country", code)  # "Togo shut its airspace" (NER: a nationality)
        return _norp(doc, s, e)
    if code and doc[s].text[:1].isupper() and e - s <= 2:
        return _mention(doc, s, e, "country", code)
    return _mention(doc, s, e, "org", _org_country(doc, s, e))


def org_name(text: str) -> bool:
    """A proper name that ends like an organisation's ("Human Rights Watch", "Amnesty International")."""
    words = text.lower().split()
    table = lexicon.load("not_people")
    if words and any(w in lexicon.first_names() for w in words[0].split("-")):
        return False  # "Maria Council", "Jean-Pierre Bureau": people named Council and Bureau
    return bool(words) and (words[-1] in table["org_name_words"] or words[-1] in table["org_nouns"])


def _aliased_group(text: str) -> str | None:
    """The group an organisation alias names ("U.N." -> the UN of "United Nations")."""
    key = " ".join(text.lower().split())
    canonical = lexicon.load("aliases")["aliases"].get(key[4:] if key.startswith("the ") else key)
    return countries.group_code(canonical) if canonical else None


def _norp(doc: Doc, s: int, e: int) -> Mention | None:
    """A demonym used as a noun ("the Russians") stands for its country; as a modifier it does not."""
    code = countries.demonym_code(doc[s:e].text)
    head = doc[e - 1]
    if code and head.dep_ not in ("amod", "compound", "nmod") and head.pos_ in ("PROPN", "NOUN"):
        return _mention(doc, s, e, "country", code)
    return None


def _org_country(doc: Doc, s: int, e: int) -> str | None:
    """Country of an organisation named with a country or demonym first ("U.S. Army"), or
    owned by one just before it ("Rwanda's Senate")."""
    first = doc[s].text
    own = countries.demonym_code(first) or (countries.country_code(first) if e - s > 1 else None)
    return own or _owner_country(doc, s)


def _owner_country(doc: Doc, s: int) -> str | None:
    """The country a name starting at token s belongs to by the words before it: a possessive
    ("Rwanda's Senate", "South Africa's parliament") or a demonym ("the Rwandan Senate")."""
    if s >= 2 and doc[s - 1].text in ("'s", "’s"):
        k = s - 2
        while k > 0 and doc[k].ent_iob_ == "I":
            k -= 1
        return countries.country_code(doc[k : s - 1].text)
    if s >= 1 and doc[s - 1].text[:1].isupper():
        return countries.demonym_code(doc[s - 1].text)
    return None


def _place_name(text: str) -> bool:
    """A city or region the places table knows."""
    from ..events.places import place_from_name

    place = place_from_name(text)
    return place is not None and place.kind in ("city", "region")


def _person_after_place(doc: Doc, s: int, e: int) -> bool:
    """A name set in apposition to a city or region ("Kharkiv, Ihor Terekhov")."""
    root = doc[s:e].root
    return (_person_words(doc, s, e) and root.dep_ == "appos" and root.head.i < s
            and _place_name(doc[root.head.left_edge.i : root.head.i + 1].text))


def _name_like(doc: Doc, s: int, e: int) -> bool:
    """Two to four capitalised words that name no known place or organisation."""
    text = doc[s:e].text
    return (2 <= e - s <= 4 and all(t.text[:1].isupper() for t in doc[s:e])
            and countries.country_code(text) is None and countries.group_code(text) is None)


def _person_words(doc: Doc, s: int, e: int) -> bool:
    """Two to four capitalised proper-noun words, hyphen-joined ones counted as one part
    each ("Aino-Kaisa Rautavaara", "Jean-Baptiste Mbemba-Nordgren"), naming no known place,
    group or organisation."""
    words = 0
    for i in range(s, e):
        tok = doc[i]
        if tok.text == "-":
            if i in (s, e - 1) or doc[i - 1].whitespace_ or tok.whitespace_:
                return False
            continue
        if s < i < e - 1 and particle(tok):
            continue  # "Michele de Pascale", "Ahmed bin Salem"
        if tok.pos_ != "PROPN" or not tok.is_alpha or not tok.text[:1].isupper() or tok.text.isupper():
            return False
        words += 1
    text = doc[s:e].text
    return (2 <= words <= 5 and countries.country_code(text) is None and countries.group_code(text) is None
            and " ".join(text.lower().split()) not in lexicon.countries_table()["organisations"])


def particle(tok: Token) -> bool:
    """A lower-case surname particle inside a name ("de" of "Michele de Pascale", "al" of "al-Nouri")."""
    return tok.text.islower() and tok.text in lexicon.particles()["all"]


def _apposed_name(doc: Doc, s: int, e: int, role_tokens: dict[int, tuple[int, int]]) -> bool:
    """A name NER gave another label, set in apposition to a role noun either way round ("the
    ministry's spokesman, Pieter-Jan Verhulst,"; "Eugenia Rusu, a lawyer for ...")."""
    if not _person_words(doc, s, e):
        return False
    root = doc[s:e].root
    others = [c for c in root.children if c.dep_ == "appos"] + ([root.head] if root.dep_ == "appos" else [])
    return any(o.pos_ == "NOUN" and o.i in role_tokens for o in others)


_NAME_LABELS = frozenset({"GPE", "LOC", "NORP", "FAC", "ORG"})


def _inside_longer_name(doc: Doc, s: int, e: int) -> bool:
    """Tokens [s, e) lie inside a longer place or organisation name NER found, which runs on
    after them or starts before them with more than "the"."""
    if e < len(doc) and doc[e].ent_iob_ == "I" and doc[e].ent_type_ in _NAME_LABELS:
        return True
    if doc[s].ent_iob_ != "I" or doc[s].ent_type_ not in _NAME_LABELS:
        return False
    k = s
    while k > 0 and doc[k].ent_iob_ == "I":
        k -= 1
    return any(t.lower_ != "the" for t in doc[k:s])


def _table_mentions(doc: Doc) -> list[Mention]:
    out = []
    for s, e, value in lexicon.table_finder().find(doc):
        lead = s + 1 if doc[s].lower_ == "the" and e - s > 1 else s
        if not doc[lead].text[:1].isupper():
            continue  # "west of the river", "mod" as a word
        if _inside_longer_name(doc, lead, e):
            continue  # a word of a longer name: "West Darfur", "the Economic Community of West African States"
        kind, code = value.split(":", 1)
        if kind == "org":
            # "Rwanda's Senate" is not the US Senate; "the General Staff of the Estonian forces"
            code = _owner_country(doc, lead) or code or _of_country(doc, e) or None
        out.append(_mention(doc, lead, e, kind, code, True))
    return out


def _of_country(doc: Doc, e: int) -> str | None:
    """The country named right after a body's name: "the General Staff of the Armenian armed
    forces", "the High Command of Ukraine"."""
    k = e + 1 if e < len(doc) and doc[e].lower_ == "of" else len(doc)
    if k < len(doc) and doc[k].lower_ == "the":
        k += 1
    if k >= len(doc) or not doc[k].text[:1].isupper():
        return None
    return countries.demonym_code(doc[k].text) or countries.country_code(doc[k].text)


def collect(doc: Doc) -> list[Mention]:
    """All entity mentions in the Doc, sorted by position, without overlaps."""
    role_tokens: dict[int, tuple[int, int]] = {}
    for rs, re_, _ in lexicon.role_finder().find(doc):
        for i in range(rs, re_):
            role_tokens[i] = (rs, re_)
    table = _table_mentions(doc)
    taken = {i for m in table for i in range(m.tok_start, m.tok_end)}
    found = list(table)
    for ent in lexicon.doc_ents(doc):
        if ent.label_ not in LABELS and (ent.label_ != "DATE" or len(ent) < 2 or ent[0].pos_ != "PROPN"):
            continue  # a date is read only when it may be a name NER mislabelled ("Pieter-Jan Verhulst")
        for s, e in _pieces(ent):
            s, e = _cut_roles(s, e, role_tokens)
            if e <= s or any(i in taken for i in range(s, e)):
                continue
            label = ent.label_
            if label == "ORG" and "," in ent.text:  # "the mayor of Kharkiv, Ihor Terekhov,": a place, then a person
                label = "GPE" if _place_name(doc[s:e].text) else "PERSON" if _person_after_place(doc, s, e) else label
            if label in ("ORG", "NORP") and (s - 1) in role_tokens and role_tokens[s - 1][1] == s and _name_like(doc, s, e):
                label = "PERSON"  # a title is followed by a person: "Secretary-General Anders Kvale"
            if label != "PERSON" and _apposed_name(doc, s, e, role_tokens):
                label = "PERSON"  # "his lawyer, Eugenia Rusu, said" (NER: a place), "Aino-Kaisa Rautavaara"
            if label == "DATE" or _designator(doc, s, e):
                continue
            m = _classify(doc, s, e, label)
            if m is not None:
                found.append(m)
                taken.update(range(s, e))
    found += _missed_armed_groups(doc, taken)
    found += _missed_countries(doc, found, taken)
    found.sort(key=lambda m: m.start)
    _extend_names(doc, found, role_tokens, taken)
    subjects, apposed = [], []
    for tok in lexicon.tokens_where(doc, "dep", _SCANNED):  # one scan for both
        (subjects if tok.dep_ == "nsubj" else apposed).append(tok)
    found += _unseen_speakers(subjects, role_tokens, taken)
    found += _unseen_apposed(apposed, role_tokens, taken)
    found += _names_after_roles(doc, role_tokens, found, taken)
    found.sort(key=lambda m: m.start)
    return found


_PLACE_PREPS = frozenset({"in", "into", "from", "across", "throughout", "inside"})


def _missed_countries(doc: Doc, found: list[Mention], taken: set[int]) -> list[Mention]:
    """A one-word country name NER missed, coordinated with a country it found ("BAKU (Reuters) -
    Armenia and Azerbaijan agreed"; NER: only Azerbaijan), after "in"/"from" ("a coup in Niger in
    2023"; NER: a date) or as a subject ("Eritrea denied it")."""
    at = {i: m for m in found for i in range(m.tok_start, m.tok_end)}
    out = []
    v = lexicon.view(doc)
    texts, pos = (v.text, v.pos) if v is not None else ([t.text for t in doc], [t.pos_ for t in doc])
    for i, text in enumerate(texts):  # read from the columns: a Token is built only for proper nouns
        if i in taken or pos[i] != "PROPN" or not text[:1].isupper() or text.isupper():
            continue
        tok = doc[i]
        code = countries.country_code(tok.text)
        if code is None or len(code) != 2:
            continue
        linked = [c for c in tok.children if c.dep_ == "conj"] + ([tok.head] if tok.dep_ == "conj" else [])
        placed = tok.ent_type_ in ("", "DATE") and (
            (tok.dep_ == "pobj" and tok.head.lower_ in _PLACE_PREPS)
            or (tok.dep_ in ("nsubj", "nsubjpass") and not _first_name_like(doc, tok)))
        if placed or any(at.get(t.i) is not None and at[t.i].kind == "country" for t in linked):
            out.append(_mention(doc, tok.i, tok.i + 1, "country", code))
            taken.add(tok.i)
    return out


_HONORIFICS = frozenset({"mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "miss"})


def _first_name_like(doc: Doc, tok: Token, loose: bool = True) -> bool:
    """A country name read as a person's first name ("Chad and his brother were charged"): after an
    honorific or before an age (", 17,"); when ``loose``, also before a capitalised word or
    coordinated with "his brother"/"her son"."""
    i = tok.i
    if i > 0 and doc[i - 1].lower_ in _HONORIFICS and not doc[i - 1].text.isupper():
        return True  # "Mr Chad", not "DR Congo"
    if i + 3 < len(doc) and doc[i + 1].text == "," and doc[i + 2].like_num and doc[i + 3].text == ",":
        return True  # "Chad, 17, was"
    if not loose:
        return False
    if (i + 1 < len(doc) and doc[i + 1].pos_ == "PROPN" and doc[i + 1].text[:1].isupper() and doc[i + 1].is_alpha
            and countries.country_code(doc[i + 1].text) is None and not lexicon.role_finder().find(doc, i + 1, i + 2)):
        return True  # "Chad Mercer said", not "Chad President ..."
    return any(c.dep_ == "conj" and any(g.dep_ == "poss" and g.lower_ in ("his", "her") for g in c.children)
               for c in tok.children)


_GROUP_NOUNS = frozenset({"movement", "group", "militia", "rebel", "fighter", "militant"})
_GROUP_NAME_NOUNS = frozenset({"movement", "group", "militia"})  # part of the group's name


_HYPHENS = frozenset({"-", "‐", "‑"})


def _missed_armed_groups(doc: Doc, taken: set[int]) -> list[Mention]:
    """A listed armed group NER missed, named with its noun ("Yemen's Houthi movement said",
    "Houthi rebels"), or in two words or more: the name and the noun are one mention."""
    out = []
    firsts = lexicon.armed_group_first_words()
    v = lexicon.view(doc)
    lowers = v.lower if v is not None else [t.lower_ for t in doc]
    starts = [i for i, w in enumerate(lowers) if (w in firsts or "-" in w and w.split("-")[0] in firsts)
              and doc[i].text[:1].isupper()]
    after = 0  # most words open no listed group's name: only these starts are tried
    for i in starts:
        if i < after:
            continue
        hit = None
        for n in (3, 2, 1):
            e = i + n
            if e > len(doc) or any(k in taken for k in range(i, e)) or not doc[i].text[:1].isupper():
                continue
            if any(doc[k].text in _HYPHENS for k in range(i, e)) or (e < len(doc) and doc[e].text in _HYPHENS
                                                                    and not doc[e - 1].whitespace_):
                continue  # "Houthi-controlled court", "RSF-held areas": a modifier, not the group named
            if lexicon.armed_group(doc[i:e].text) is None:
                continue
            noun = doc[e] if e < len(doc) else None
            if (noun is not None and e not in taken and noun.pos_ == "NOUN" and noun.text.islower()
                    and noun.lemma_.lower() in _GROUP_NOUNS and doc[e - 1].head.i == e):
                hit = (i, e + 1) if noun.lemma_.lower() in _GROUP_NAME_NOUNS else (i, e)  # "Houthi fighters": the group is "Houthi"
            elif n > 1 and doc[i:e].text.lower() != "the " + doc[i + 1:e].text.lower():
                hit = (i, e)
            if hit:
                break
        if hit is None:
            continue
        s, e = hit
        code = lexicon.armed_group(doc[s:e].text)
        if code is None:
            code = lexicon.armed_group(doc[s:e - 1].text)
        out.append(_mention(doc, s, e, "org", _owner_country(doc, s) or code or None, True))
        taken.update(range(s, e))
        after = e
    return out


def _names_after_roles(doc: Doc, role_tokens: dict[int, tuple[int, int]], found: list[Mention],
                       taken: set[int]) -> list[Mention]:
    """Two or three capitalised words NER missed right after a title, past ranks, honorifics
    and a "to <place>" ("Ambassador to Germany Nino Beridze", "spokesman Col. Ana Lupu")."""
    ends = {m.tok_start: m.tok_end for m in found if m.kind != "person"}
    honorifics = lexicon.name_skip_words()
    out = []
    for rs, re_ in sorted(set(role_tokens.values())):
        j = re_
        if j + 1 < len(doc) and doc[j].lower_ in ("to", "of") and j + 1 in ends:
            j = ends[j + 1]
        while j < len(doc) and (j in role_tokens or doc[j].lower_ in honorifics):
            j = role_tokens[j][1] if j in role_tokens else j + 1
        k = j
        while k < len(doc) and k - j < 3 and _plain_propn(doc, k, role_tokens, taken):
            k += 1
        if k - j < 2 or (k < len(doc) and doc[k].pos_ == "PROPN") or not _name_like(doc, j, k):
            continue
        out.append(_mention(doc, j, k, "person", None))
        taken.update(range(j, k))
    return out


def _plain_propn(doc: Doc, i: int, role_tokens: dict[int, tuple[int, int]], taken: set[int]) -> bool:
    tok = doc[i]
    return (tok.pos_ == "PROPN" and tok.text[:1].isupper() and tok.is_alpha and tok.ent_type_ not in _NOT_NAMES
            and i not in role_tokens and i not in taken)


def _extend_names(doc: Doc, found: list[Mention], role_tokens: dict[int, tuple[int, int]], taken: set[int]) -> None:
    """NER often drops a first name ("Mayor Ana [Petrescu]"): take in capitalised words before."""
    for m in found:
        if m.kind != "person":
            continue
        s = m.tok_start
        while s > 0 and m.tok_start - s < 2 and _plain_propn(doc, s - 1, role_tokens, taken):
            s -= 1
        if s < m.tok_start:
            taken.update(range(s, m.tok_start))
            new = _mention(doc, s, m.tok_end, "person", None)
            m.tok_start, m.start, m.text = new.tok_start, new.start, new.text


def _unseen_apposed(apposed: list[Token], role_tokens: dict[int, tuple[int, int]], taken: set[int]) -> list[Mention]:
    """Two or three capitalised words NER missed, set off by commas in apposition to a role
    noun before them ("Her lawyer, Ana Lupu, said"), name a person (``apposed``: the Doc's
    tokens with the dependency "appos")."""
    out = []
    for tok in apposed:
        doc, head = tok.doc, tok.head
        if tok.dep_ != "appos" or head.i >= tok.i or head.i not in role_tokens or head.pos_ != "NOUN" \
                or not _plain_propn(doc, tok.i, role_tokens, taken):
            continue
        s = tok.i
        while s > 0 and tok.i - s < 2 and _plain_propn(doc, s - 1, role_tokens, taken):
            s -= 1
        if s == tok.i or doc[s - 1].text != ",":
            continue
        if _person_words(doc, s, tok.i + 1) and (tok.i + 1 == len(doc) or doc[tok.i + 1].is_punct):
            out.append(_mention(doc, s, tok.i + 1, "person", None))
            taken.update(range(s, tok.i + 1))
    return out


def _unseen_speakers(subjects: list[Token], role_tokens: dict[int, tuple[int, int]], taken: set[int]) -> list[Mention]:
    """Two or three capitalised words NER missed that are the subject of a reporting verb
    ("Tomas Verhoef said") name a person (``subjects``: the Doc's nsubj tokens)."""
    out = []
    for tok in subjects:  # reporting_subject needs an nsubj
        doc = tok.doc
        if not lexicon.reporting_subject(tok) or not _plain_propn(doc, tok.i, role_tokens, taken):
            continue
        s = tok.i
        while s > 0 and tok.i - s < 2 and _plain_propn(doc, s - 1, role_tokens, taken):
            s -= 1
        text = doc[s : tok.i + 1].text
        if s < tok.i and countries.country_code(text) is None and countries.group_code(text) is None:
            out.append(_mention(doc, s, tok.i + 1, "org" if org_name(text) else "person", None))
            taken.update(range(s, tok.i + 1))
    return out
