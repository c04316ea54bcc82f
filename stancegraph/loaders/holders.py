"""Who holds a position a clause takes: the subject of a predicate (through agents, relative
pronouns, coordinated and controlled verbs), the owner of a stance noun, partners joined in it
and those an evaluation is 'to'."""

from __future__ import annotations

from typing import TYPE_CHECKING

from .credit import approves, credited_party
from .lexicon import Lexicon
from .predicates import PURSUITS, noun_phrase_class
from .resolve import DOCUMENT_NOUNS, OFFICE_NOUNS, Resolver

if TYPE_CHECKING:
    from .walk import Context


COLLECTIVES = {"ministry", "government", "administration", "cabinet", "office", "kremlin", "parliament", "council",
               "commission", "leadership", "side", "delegation", "department", "presidency"}


def plural_speaker(verb) -> bool:
    """A speech verb whose subject is a list, a plural ('the US and some other countries') or a
    body of people ('the foreign ministry said they …')."""
    return any(c.dep_ == "nsubj" and (c.tag_ in ("NNS", "NNPS") or any(g.dep_ == "conj" for g in c.children)
                                      or c.lemma_.lower() in COLLECTIVES)
               for c in verb.children)


def generic_country(subject) -> bool:
    return subject.lemma_.lower() in ("country", "nation", "state") and any(
        c.dep_ == "det" and c.lower_ in ("a", "an", "any") for c in subject.children)


def joined_partners(node, resolver: Resolver) -> list[str]:
    """'Latvia joined Poland in calling for …': Poland calls for it too; 'France sided with
    Germany against …': Germany is against it too; 'Zelensky signed a security pact with
    France': a signatory too."""
    if node.dep_ == "pcomp" and node.head.head.lemma_.lower() == "join":
        return [a for c in node.head.head.children if c.dep_ == "dobj" for a in resolver.actors(c)]
    if approves(node):  # 'Zelensky thanked Iceland for supporting …': the one who thanks agrees
        thanker = subject_of(node.head.head)
        return resolver.actors(thanker) if thanker is not None else []
    if node.lemma_.lower() in SIGNING_VERBS and node.dep_ != "relcl":  # not 'the pacts Kyiv has signed with …'
        return signed_with(node, signed(node, AGREEMENTS), resolver)
    if node.lemma_.lower() in ("agree", "concur") and not any(c.dep_ == "neg" for c in node.children):
        # 'I fully agree with Zourabichvili that it is time …': whom one agrees with holds it too
        agreed = [g for c in node.children if c.dep_ == "prep" and c.lower_ == "with" for g in c.children if g.dep_ == "pobj"]
        return [a for g in agreed for a in resolver.actors(g)]
    verb = node.head if node.pos_ == "ADP" else node
    if verb.lemma_.lower() in ("side", "team", "join") and verb.i != node.i:
        partners = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "with"
                    for g in c.children if g.dep_ == "pobj"]
        return [a for g in partners for a in resolver.actors(g)]
    return companions(node, resolver)


def signed(verb, kinds: set[str]) -> list:
    """What a signing verb signs, of the given kinds ('signed a security pact')."""
    return [c for c in verb.children if c.dep_ == "dobj" and c.lemma_.lower() in kinds]


def signed_with(verb, things: list, resolver: Resolver) -> list[str]:
    """The partners named with a signing verb or with what it signs ('signed a pact with France')."""
    withs = [c for holder in (verb, *things) for c in holder.children if c.dep_ == "prep" and c.lower_ == "with"]
    return [a for c in withs for g in c.children if g.dep_ == "pobj" for a in resolver.actors(g)]


PARTNER_NOUNS = {"partner", "ally", "counterpart"}
# others than the state named with them: 'Ukraine's allies' are not Ukraine
OTHERS_OF_A_STATE = PARTNER_NOUNS | {"friend", "backer", "supporter", "neighbour", "neighbor"}


def companions(verb, resolver: Resolver) -> list[str]:
    """'Berlin, together with its partners from the EU and the G7, is working on guarantees',
    'Berlin, along with G7 and EU partners, …': who acts along with the subject acts too."""
    if verb.pos_ not in ("VERB", "AUX"):
        return []
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
    withs = [c for holder in (verb, *subjects) for c in holder.children
             if c.dep_ == "prep" and c.lower_ == "with" and any(a.lower_ in ("together", "along") for a in c.children)]
    withs += [g for holder in (verb, *subjects) for c in holder.children if c.dep_ == "prep" and c.lower_ == "along"
              for g in c.children if g.dep_ == "prep" and g.lower_ == "with"]
    found: list[str] = []
    for partner in (g for w in withs for g in w.children if g.dep_ == "pobj"):
        for member in (partner, *partner.conjuncts):
            named = resolver.actors(member)
            if member.tag_ == "NNS" and member.lemma_.lower() in OFFICE_NOUNS:
                # 'the presidents of A, B, the Baltic States C …', a list the parser tangles
                named += [a for a in resolver.states_within(member) if a not in named]
            if not named and member.lemma_.lower() in PARTNER_NOUNS:  # 'partners from the EU', 'EU partners'
                named = [a for g in member.children if g.dep_ == "compound" for a in resolver.actors(g)]
                named += [a for p in member.children if p.dep_ == "prep" and p.lower_ in ("from", "in", "of")
                          for g in p.children if g.dep_ == "pobj" for a in resolver.actors(g)]
            found += [a for a in named if a not in found]
    return found


SIGNING_VERBS = {"sign", "conclude", "seal", "ink"}
AGREEMENTS = {"deal", "agreement", "pact", "accord", "treaty", "memorandum", "declaration", "arrangement"}


def named_holders(node, subject, resolver: Resolver) -> list[str]:
    """The actors the subject names. A relative clause before the antecedent's conjuncts speaks of
    the antecedent alone: 'not only Ukraine, which has affirmed its aspiration to join, but also
    Georgia and Moldova'."""
    found = resolver.actors(subject)
    clause = next((c for c in subject.children if c.dep_ == "relcl" and node in c.subtree), None)
    if clause is None:
        return found
    later = {a for conj in subject.conjuncts if conj.i > clause.i for a in resolver.actors(conj)}
    return [a for a in found if a not in later] or found


def own_subject(node):
    return next((c for c in node.children if c.dep_ in ("nsubj", "csubj")), None)


def coordinated_with(conjunct):
    """The verb a conjunct is coordinated with. Two misparses are put right: 'must stop dithering
    and invite Ukraine' is often parsed with 'invite' under 'dithering', but a base form cannot
    continue a gerund, so it goes with the verb that governs the gerund ('stop'); and 'We
    reaffirmed that Ukraine will become a member and agreed to remove the MAP' with 'agreed'
    joined to 'will become', but a past tense cannot share a clause with 'will', so it continues
    the past-tense verb that governs the clause; a gerund after an 'as proposed by …' aside goes on
    from the gerund the aside hangs on."""
    head = conjunct.head
    if conjunct.tag_ == "VB" and head.tag_ == "VBG" and head.dep_ == "xcomp" and head.head.i != head.i:
        return head.head
    future = any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall") for c in head.children)
    if conjunct.tag_ == "VBD" and future and head.dep_ == "ccomp" and head.head.tag_ == "VBD":
        return head.head
    if conjunct.tag_ == "VB" and head.tag_ in ("VBZ", "VBD") and head.dep_ == "ccomp" and head.head.tag_ == "VB" \
            and not any(c.dep_ in ("nsubj", "nsubjpass") for c in conjunct.children):
        return head.head  # 'should signal to Ukraine that it belongs … and invite it': a base form goes on from a base form
    if conjunct.tag_ == "VBG" and head.tag_ == "VBN" and any(c.dep_ == "mark" and c.lower_ == "as" for c in head.children) \
            and head.head.tag_ == "VBG":
        return head.head  # '… calling it, as proposed by France, an option and proposing …': the gerund goes on
    return head


def _subject_taken_by_source(node):
    """'According to Orbán, Germany and other members "don't want …"' is often parsed with
    Germany as a conjunct of Orbán and the verb without a subject: the conjunct after the comma
    is the verb's subject, not a second source."""
    if node.pos_ not in ("VERB", "AUX"):
        return None
    for prep in (c for c in node.children if c.dep_ == "prep" and c.lower_ == "according" and c.i < node.i):
        for source in (g for to in prep.children for g in to.children if g.dep_ == "pobj"):
            commas = [p.i for p in source.children if p.dep_ == "punct" and p.lower_ == ","]
            stray = next((c for c in source.children if c.dep_ == "conj" and any(source.i < i < c.i for i in commas)), None)
            if stray is not None:
                return stray
    return None


# Verbs whose object does what the infinitive says, by the subject's doing but not by its will;
# not 'urged NATO to invite', where the urging is the subject's position
CAUSATIVES = {"prompt", "lead", "cause", "force", "compel", "drive", "spur", "provoke", "move", "inspire"}


# the subject's own attitude, whether parsed as an adjective after a copula ('the alliance remains
# committed to …', `stances`) or as a passive ('Russia has been opposed to …', `subject_of`)
ATTITUDES = {"committed", "determined", "ready", "willing", "eager", "prepared", "keen", "opposed", "reluctant",
             "unwilling", "resistant", "averse", "hesitant", "wary", "intent", "resolved", "inclined", "disposed",
             "convinced"}


def heading_word(token) -> bool:
    """'VILNIUS – The Lithuanian parliament adopted …', 'MOSCOW (Sputnik) - …', 'KYIV, May 5
    (Reuters) — …': the place before the dash, parsed as a subject (an agency or a date may
    stand between); 'Details: … Kuleba explained …': a label before its colon."""
    following = token.doc[token.i + 1] if token.i + 1 < len(token.doc) else None
    if following is not None and following.text == ":" and token.i == token.sent.start and token.pos_ != "PROPN":
        return True  # not 'Meloni: sending troops … is an ineffective option', a speaker's label
    if not (token.is_upper and len(token) > 2):
        return False
    for following in token.doc[token.i + 1:token.i + 9]:
        if following.text in ("–", "—", "-"):
            return True
        if not (following.is_punct and following.text in "(),." or following.like_num
                or following.pos_ == "PROPN" and following.text[:1].isupper()):
            return False
    return False


def past_heading(token):
    """The subject a parsed subject stands for: itself, or for a heading word the apposition the parse
    hung on it after the dash ('MUNICH — … Lindsey Graham'; not the agency in 'KYIV (Reuters) -'),
    or nothing."""
    if not heading_word(token):
        return token
    dash = next((t.i for t in token.doc[token.i + 1:token.i + 9] if t.text in ("–", "—", "-", ":")), None)
    return next((c for c in token.children if c.dep_ == "appos" and dash is not None and c.i > dash), None)


def agent_of(verb):
    """Who a passive names after 'by' ('was told by Joe Biden')."""
    return next((g for c in verb.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"), None)


def subject_of(node, lexicon: Lexicon | None = None):
    if node.tag_ == "VBG" and node.dep_ == "pcomp" and node.head.lower_ in ("against", "from"):
        return None  # 'advised them against supporting …': whoever advises holds it, by the preposition
    if any(c.dep_ == "agent" for c in node.children):
        return agent_of(node)
    for child in node.children:
        if child.dep_ in ("nsubj", "csubj") and heading_word(child) and past_heading(child) is not None:
            return past_heading(child)  # 'MUNICH — United States Sen. Lindsey Graham … proposed': the place's apposition
        if child.dep_ in ("nsubj", "csubj") and not heading_word(child):
            # 'The United States, which supports …': the antecedent; 'adopted a bill which sets …': who issued it
            if node.dep_ == "relcl" and child.lower_ in ("which", "who", "that"):
                # 'is among the nations that back …': one of them
                return document_author(node.head, lexicon) or _as_member(node.head, lexicon)
            if child.lower_ == "they" and node.dep_ == "conj" and node.head.dep_ == "ROOT":
                # 'The Italian authorities announced …, but they may participate …': the first clause's subject
                first = subject_of(coordinated_with(node), lexicon)
                return first if first is not None and first.tag_ in ("NNS", "NNPS") else child
            return child
        if child.dep_ == "nsubjpass":
            # a passive without 'by …' names no agent, but a state in passive form has its bearer
            # as subject: 'Russia has been emphatically opposed to Ukraine joining'
            return child if node.lower_ in ATTITUDES else None
    if node.dep_ == "acl" and node.tag_ == "VBG" and node.head.pos_ == "NOUN":
        author = document_author(node.head, lexicon)
        if author is not None:
            return author  # 'adopted a resolution expressing support for …': the resolution's author
    stray = _subject_taken_by_source(node)
    if stray is not None:
        return stray
    if node.dep_ == "conj" and node.pos_ in ("VERB", "AUX") and node.head.i != node.i:
        return subject_of(coordinated_with(node), lexicon)  # 'said … and remained opposed': the first verb's subject
    if node.dep_ == "xcomp" and node.head.lemma_.lower() in CAUSATIVES:
        caused = next((c for c in node.head.children if c.dep_ == "dobj"), None)
        if caused is not None:
            return caused  # 'Erdogan's remarks prompted Biden to call it premature': Biden calls it
    if node.dep_ in ("xcomp", "acomp", "advcl", "oprd") and node.head.i != node.i:
        participle = node.tag_ in ("VBN", "VBD") or node.tag_ == "VBG" and node.head.dep_ == "ROOT"
        depictive = node.pos_ == "ADJ" or participle and not any(
            c.dep_ in ("nsubj", "nsubjpass", "mark") for c in node.children)  # 'arrived … determined to give',
        # 'went to the Hague still pushing for membership': a participle shares the main clause's subject
        # (not inside what someone demands: 'demands that Ukraine keep its status, abandoning …')
        if node.dep_ != "advcl" or depictive or any(c.dep_ == "aux" and c.lower_ == "to" for c in node.children):
            return subject_of(node.head, lexicon)  # 'Bush had arrived in Romania determined to give …'
    if node.dep_ == "acl" and node.head.dep_ == "ROOT" and node.head.pos_ in ("PROPN", "NOUN") \
            and node.tag_ in ("VBN", "VBD") and node.i > 0 and node.doc[node.i - 1].text == ",":
        return node.head  # 'Rasmussen, the former Secretary General, advocated …': a main verb parsed as a participle
    if node.dep_ in ("relcl", "acl") and node.tag_ != "VBN":
        author = document_author(node.head, lexicon)  # 'a statement calling for …', 'a bill which sets …'
        author = author if author is not None else goal_owner(node.head) if node.dep_ == "acl" else None
        if author is None and node.head.dep_ == "attr" and node.head.head.lemma_ == "be":
            return subject_of(node.head.head, lexicon)  # 'the Czech Republic was the first country to sign …'
        # 'allies that want …'; 'the former chief called for …' misparsed as acl; 'joined a list of nations backing …'
        return author if author is not None else _as_member(node.head, lexicon)
    if node.pos_ == "ADP" and node.head.i != node.i:
        return subject_of(node.head, lexicon)
    if credited_party(node) is not None:
        return credited_party(node)  # 'thanked Iceland for supporting …': Iceland supports it
    if node.dep_ == "pcomp" and node.head.head.i != node.head.i:
        return subject_of(node.head.head, lexicon)  # 'joined Poland in calling for …'
    if node.pos_ == "NOUN" and node.dep_ == "appos" and node.head.i != node.i:
        return node.head  # 'Poland, a staunch supporter of Ukraine's bid, …'
    if node.pos_ == "NOUN":
        owner = next((c for c in node.children if c.dep_ == "poss"), None) or from_holder(node) \
            or _named_before(node, lexicon)  # 'Poland's calls for …', 'the U.S. commitment to …'
        pronoun = owner is not None and owner.lower_ in ("their", "its", "his", "her")  # the subject's own
        if (owner is None or pronoun) and lexicon and node.dep_ == "dobj" and node.head.lemma_.lower() in lexicon.expressive:
            return subject_of(node.head, lexicon)  # 'France expressed support for …', 'leaders expressed their support'
        if owner is None and node.dep_ == "pobj" and node.head.lower_ == "of":
            return document_author(node.head.head, lexicon)  # 'Italy adopted a declaration of support for …'
        return owner
    return None


GROUPINGS = {"list", "rank", "group", "number", "coalition", "camp", "chorus", "club", "circle", "host", "line"}


def group_joined(members):
    """The verb by which someone joins or stands among the group a noun describes ('joined a
    growing list of nations backing …', 'is among the countries that support …'), or None."""
    head = members.head
    if members.dep_ == "pobj" and head.lower_ == "among" and head.head.lemma_ in ("be", "stand", "count"):
        return head.head
    if members.dep_ == "pobj" and head.lower_ == "of" and head.head.lemma_.lower() in GROUPINGS:
        group = head.head
        if group.dep_ == "dobj" and group.head.lemma_.lower() in ("join", "swell"):
            return group.head
    return None


def _as_member(noun, lexicon: Lexicon | None):
    """The one who joins or stands among the group a noun describes, else the noun itself."""
    joined = group_joined(noun)
    return subject_of(joined, lexicon) if joined is not None else noun


def _named_before(noun, lexicon: Lexicon | None):
    """'the U.S. commitment for Ukraine to join', 'Russian demands': a name or a demonym before a
    stance noun owns it, as a possessive would (one the noun already carries, 'NATO membership', is the topic's)."""
    on_behalf = any(c.dep_ == "prep" and c.lower_ == "for" and any(g.pos_ == "PROPN" for g in c.children)
                    for c in noun.children)  # 'the U.S. push for Ukraine to join': the pusher's, for another
    if lexicon is None or noun.lemma_.lower() in PURSUITS and not on_behalf or not noun_phrase_class(noun, lexicon):
        return None  # 'the NATO ambitions of Georgia and Ukraine': a pursuit's name is its goal
    return next((c for c in noun.children if c.i < noun.i and (c.dep_ == "compound" and c.pos_ == "PROPN" or (
        c.dep_ == "amod" and c.pos_ == "ADJ" and c.text[:1].isupper()))), None)  # 'Russian demands that …'


DOCUMENTS = DOCUMENT_NOUNS


GOAL_NOUNS = {"goal", "objective", "aim", "priority", "intention", "purpose", "ambition", "plan", "demand"}


def goal_owner(noun):
    """Whose goal a gerund spells out: 'one of his key objectives - preventing Ukraine from
    joining NATO', 'Moscow's aim, keeping Kyiv out'."""
    if noun.lower_ in ("one", "some", "part"):
        noun = next((g for c in noun.children if c.dep_ == "prep" and c.lower_ == "of"
                     for g in c.children if g.dep_ == "pobj"), noun)
    if noun.lemma_.lower() not in GOAL_NOUNS:
        return None
    return next((c for c in noun.children if c.dep_ == "poss"), None) or from_holder(noun)


# what the author of a document does with it ('Russia rejected a statement calling for …' is not Russia's)
ISSUING = {"issue", "sign", "adopt", "pass", "approve", "publish", "release", "send", "submit", "write", "draft",
           "table", "register", "introduce", "unveil", "present", "post", "put", "deliver", "make", "file", "co-sign",
           "cosign", "endorse", "join", "prepare", "circulate", "hand", "tweet"}
# what a holder does with a position of its own: 'support for … was voiced by Italy'
VOICING = ISSUING | {"express", "voice", "raise", "declare", "state", "announce", "affirm", "reaffirm", "reiterate",
                     "repeat", "restate", "confirm", "signal", "pledge", "show", "offer", "lend", "give"}


def issued_document(doc, resolver: Resolver, lexicon: Lexicon) -> tuple[str, ...]:
    """Who issued the first document a sentence names with its author ('The ministry published a
    statement ahead of the meeting'), for a 'The document states …' after it."""
    for token in doc:
        author = document_author(token, lexicon) if token.lemma_.lower() in DOCUMENTS else None
        actors = resolver.actors(author) if author is not None else []
        if actors:
            return tuple(actors)
    return ()


def document_author(noun, lexicon: Lexicon | None):
    """Who wrote a document that says something ('Poland issued a statement calling on NATO …',
    'the presidents signed a letter urging …', 'Poland's statement calling for …'): its owner,
    its 'by'-phrase, or the subject of the verb that issued, signed or adopted it."""
    if noun.lemma_.lower() not in DOCUMENTS:
        return None
    owner = next((c for c in noun.children if c.dep_ == "poss"), None) or from_holder(noun)
    if owner is not None:
        return owner
    if noun.dep_ in ("dobj", "conj") and noun.head.pos_ == "VERB" and noun.head.lemma_.lower() in ISSUING:
        return subject_of(noun.head, lexicon)
    return None


def from_holder(noun):
    """'resistance from Paris and Rome to …', 'a veto by Hungary', 'support for … comes from
    Poland': the holder of a stance noun in a from- or by-phrase, or named by the passive that
    voices or issues it."""
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in ("from", "by"):
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    verb = noun.head
    if noun.dep_ == "nsubjpass" and verb.lemma_.lower() in VOICING:
        return agent_of(verb)  # 'a declaration of support … was adopted by Italy, France, …'
    if noun.dep_ == "nsubj" and verb.lemma_.lower() in ("come", "stem"):  # 'support for … comes from Poland'
        return next((g for c in verb.children if c.dep_ == "prep" and c.lower_ == "from"
                     for g in c.children if g.dep_ == "pobj"), None)
    return None


def all_states(actors: list[str], ctx: Context) -> bool:
    return all(ctx.is_state(a) for a in actors)
