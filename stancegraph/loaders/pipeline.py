"""The extraction pipeline: one article in, actors, relations and stances out.

Stages: segment → dictionary mentions and role descriptions → relations (no parser needed)
→ topic cues → parse only the paragraphs that hold a cue → attribution → stances."""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator

from ..learned.candidates import Candidate
from ..model import Article, Evidence, Extraction, Stance
from ..ontology import Topic, load_theme_actors, load_topics
from .actors import ActorIndex, actor_index
from .acts import DELIBERATING
from .affiliations import Affiliations, stated_roles
from .article_actors import article_actors
from .anaphora import anaphoric_claims, backing_claims, believed_by_others, conjoined_claims, same_position_claims
from .article_state import ArticleState, CueHit, Positions
from .attribution import Frame, speech_frames
from .clause_readings import DISCUSSED
from .cue_context import carries_another_cue, cue_head, equated_with_goal, only_a_bound
from .cues import find_cues, given_way, governing_hits
from .holders import issued_document
from .found_names import NER_ONLY_SKIPS, add_ner_actors, holders_of_stated_titles, relations_again, surnames_of_found_people
from .interview import Interview, interview_turns
from .lexicon import Lexicon, load_lexicon
from .mention_stage import find_mentions
from .mentions import listed_beside
from .model_stage import article_candidates, with_model_stances
from .merge import dedupe_relations, dedupe_stances
from .nlp import load_nlp
from .relatives import relative_claim
from .resolve import Resolver
from .salience import Salience
from .parse_selection import within_budget, worth_parsing
from .segment import Sentence, sentences
from .speakers import (
    attribution_of, labelled_quotations, person_speaker, quote_speakers, region_of, said_in_the_next_sentence,
    signed_quotations, unclosed_quotation, with_context_frames,
)
from .stances import claims_for_cue
from .walk import Claim, Context
from .whose_entry import about_someone_else

KEPT_OPEN = DELIBERATING | {DISCUSSED}  # predicates that keep a deployment open: considered, a possibility discussed
MAX_PARSED_SENTENCE = 1500  # characters; longer runs are lists or junk, not sentences
LONG_ARTICLE = 1_000_000  # characters; news articles are a hundredth of that
_ENGLISH = re.compile(r"\b(?:the|a|an|and|of|to|in|that|is|was|are|were|be|for|on|at|as|with|from|said|has|have|it|he|she|by|not|will|would)\b", re.I)


class Extractor:
    """Holds the loaded model, dictionary and topics; reuse one for many articles."""

    def __init__(self, topics: tuple[Topic, ...] | None = None, model: str | None = None, classifier=None,
                 rule_stances: bool = True):
        self.topics = topics or load_topics()
        self.classifier = classifier  # a learned.classifier.StanceClassifier, or None for the rules alone
        self.rule_stances = rule_stances  # False measures the classifier alone
        self.index: ActorIndex = actor_index()
        self.affiliations = Affiliations(self.index)
        self._home_state, self._is_state = self.affiliations.home_state, self.affiliations.is_state
        self._is_organisation = self.affiliations.is_organisation
        self.lexicon: Lexicon = load_lexicon()
        self.model = model
        themes = [e.id for name in load_theme_actors() if (e := self.index.lookup(name))]
        self.themes, self.home = set(themes), (themes[0] if themes else None)
        self._broad_topics = {t.broader for t in self.topics if t.broader}
        # a bare word of a topic follows a full cue of that topic, a narrower or its broader one
        self._named_by = {t.id: {t.id, t.broader} - {None} | {n.id for n in self.topics if n.broader == t.id}
                          for t in self.topics}  # 'declined to set out a timeline' after talk of membership
        self._timing_neutral = {t.id for t in self.topics if t.timing_neutral}
        self._conceded = {t.id for t in self.topics if t.conceded}
        self._deliberation_open = {t.id for t in self.topics if t.deliberation_open}
        self._broader = {t.id: t.broader for t in self.topics if t.broader}
        self._war_end_cues = [c.pattern for t in self.topics if t.conceded for c in t.cues if c.polarity != "oppose"]
        self._condition_neutral = {t.id for t in self.topics if t.condition_neutral}
        self._not_now = {t.id: t.broader for t in self.topics if t.not_now_under_broader and t.broader}
        self._step_now = {broader: step for step, broader in self._not_now.items()}
        # the goal a topic's cue may be equated with, and the narrower topics whose cues name that goal
        # too ('closer to membership, which will become the country's main security guarantee')
        self._equated_with = {t.id: {t.equated_with} | {n.id for n in self.topics if n.broader == t.equated_with}
                              for t in self.topics if t.equated_with}

    @property
    def nlp(self):
        return load_nlp(self.model)

    def extract(self, article: Article, time_limit: float | None = None) -> Extraction:
        """The article's facts; past `time_limit` seconds it raises ArticleTooSlow."""
        return self._run(article, time_limit)[0]

    def extract_many(self, articles: Iterable[Article]) -> Iterator[Extraction]:
        for article in articles:
            yield self.extract(article)

    def extract_with_candidates(self, article: Article) -> tuple[Extraction, list[Candidate]]:
        """The rules' extraction and every candidate the learned classifier could decide."""
        extraction, state = self._run(article)
        return extraction, article_candidates(state, self.index, self.themes) if state else []

    def _run(self, article: Article, time_limit: float | None = None) -> tuple[Extraction, ArticleState | None]:
        state = ArticleState(article, sentences(article.text), time_limit=time_limit)
        if not state.sentences:
            return Extraction(article, warnings=("article has no sentences",)), None
        if not _looks_english(article.text):
            return Extraction(article, warnings=("text does not look like English; nothing extracted",)), None
        if len(article.text) > LONG_ARTICLE:
            state.warnings.append(f"very long article ({len(article.text):,} characters): read as one document; "
                                  "check that it is not many articles run together")
        find_mentions(state, self.index, self._is_state)
        self._find_cues(state)
        self._parse(state)
        stances = self._stances(state)
        if not self.rule_stances:
            stances = []
        if self.classifier is not None:
            stances = with_model_stances(state, stances, self.classifier, self.index, self.themes)
        return Extraction(
            article, tuple(article_actors(state, stances, self.index)), tuple(dedupe_relations(state.relations)),
            tuple(stances), tuple(state.warnings),
        ), state

    # ---- stage 2: topic cues ------------------------------------------------------------
    def _find_cues(self, state: ArticleState) -> None:
        find_cues(state, self.topics, self._named_by, self._broad_topics)

    # ---- stage 3: parse what can carry a stance -------------------------------------------
    def _parse(self, state: ArticleState) -> None:
        chosen = [state.sentences[i] for i in sorted(worth_parsing(state, self.lexicon))]
        too_long = [s for s in chosen if len(s.text) > MAX_PARSED_SENTENCE]
        if too_long:
            state.warnings.append(f"{len(too_long)} over-long sentence(s) not parsed (over {MAX_PARSED_SENTENCE} characters)")
        chosen = [s for s in chosen if len(s.text) <= MAX_PARSED_SENTENCE]
        chosen = within_budget(chosen, state)
        for sentence, doc in state.timed(zip(chosen, self.nlp.pipe(s.text for s in chosen))):
            state.docs[sentence.index] = doc
            if add_ner_actors(state, sentence, doc, self.index):
                relations_again(state, sentence, self.index)
        self._names_outside_parse(state, {s.index for s in chosen})
        surnames_of_found_people(state, self.index)
        holders_of_stated_titles(state, self.index)

    def _names_outside_parse(self, state: ArticleState, parsed: set[int]) -> None:
        rest = [s for s in state.sentences if s.index not in parsed and len(s.text) <= MAX_PARSED_SENTENCE]
        rest = within_budget(rest, state, "searched for names")
        for sentence, doc in state.timed(zip(rest, self.nlp.pipe((s.text for s in rest), disable=NER_ONLY_SKIPS))):
            if add_ner_actors(state, sentence, doc, self.index):
                relations_again(state, sentence, self.index)

    # ---- stage 4: attribution and stances ---------------------------------------------------
    def _stances(self, state: ArticleState) -> list[Stance]:
        regions = state.regions
        if unclosed_quotation(state.article.text, regions):
            state.warnings.append("a quotation is never closed; its speaker may be unknown")
        salience = Salience()
        analysed = []
        listed = listed_beside(state.sentences, state.mentions, self._is_state)
        stated = {person: state_ for person, state_ in stated_roles(state.relations) if self._is_state(state_)}
        for sentence in state.timed(state.sentences):
            mentions = state.mentions[sentence.index]
            doc = state.docs.get(sentence.index)
            if doc is not None:
                resolver = Resolver(doc, sentence.start, mentions, self.lexicon, dataclasses.replace(salience),
                                    # 'his country' of a person the dictionary lacks: the state the article gives him
                                    home_state=lambda person: self._home_state(person, state.article.published)
                                    or stated.get(person),
                                    home_body=lambda person: self.affiliations.home_body(person, state.article.published),
                                    is_organisation=self._is_organisation, listed=listed.get(sentence.index, ()))
                frames = speech_frames(doc, resolver, self.lexicon)
                analysed.append((sentence, doc, resolver, frames))
                salience.group = resolver.subject_group() or salience.group
                salience.body = resolver.subject_body() or salience.body
                salience.document = issued_document(doc, resolver, self.lexicon) or salience.document
                speaker = person_speaker(frames, self.index)
                if speaker:
                    salience.person = speaker
                    continue
            keeps_person = doc is not None and resolver.pronoun_subject()  # 'he avoided …, defending Trump's decision'
            salience.note(mentions, lambda a: (e := self.index.entry(a)) is not None and e.type == "State", sentence,
                          keep_person=keeps_person)
            if doc is None and mentions and mentions[0].start == sentence.start and not mentions[0].is_person:
                salience.body = mentions[0].actor  # an unparsed sentence opened by its subject: 'Budapest has long …'
        labels = labelled_quotations(state.article.text, regions, state.sentences, state.mentions)
        joint: dict[tuple[int, int], tuple[str, ...]] = {}  # a quotation's other speakers
        speakers = quote_speakers(regions, analysed, labels, joint)
        interview = interview_turns(state.sentences, state.mentions, lambda s: region_of(s, regions) is not None)
        return self._claims_to_stances(state, analysed, regions, speakers, interview, joint)

    def _claims_to_stances(self, state: ArticleState, analysed, regions, speakers, interview: Interview,
                           joint: dict[tuple[int, int], tuple[str, ...]]) -> list[Stance]:
        state.speaks_for = self.affiliations.speaks_for(state.relations, state.article.published)
        stances: list[Stance] = []
        paragraph_speaker: dict[int, str] = {}
        last_topic: tuple[int, int, str, str | None, bool] | None = None  # (paragraph, sentence, topic, polarity, believed)
        last_claim: tuple[str, str] | None = None  # (topic, polarity) of the latest stance, for 'a similar line'
        positions = Positions(self._home_state, state.article.published)
        said_after = said_in_the_next_sentence(analysed, self.lexicon)
        signed = signed_quotations(analysed)
        for sentence, doc, resolver, frames in state.timed(analysed):
            region = region_of(sentence, regions)
            resolver.quote_speaker = (speakers.get(region) or signed.get(sentence.index) if region else None) \
                or interview.speaker_of(sentence)
            resolver.joint_speakers = joint.get(region, ()) if region else ()
            answer = interview.answered.get(sentence.index)  # 'Should Nato invite Ukraine?' 'Yes.'
            if answer:
                resolver.quote_speaker = interview.interviewee
            asks_only = sentence.index in interview.questions and not answer  # the interviewer asserts nothing
            if resolver.quote_speaker:  # 'I' and 'we' inside the quotation now have a referent
                frames = speech_frames(doc, resolver, self.lexicon)
            if sentence.index in said_after and not resolver.quote_speaker and \
                    not any(f.kind in ("speech", "according") for f in frames):
                covered = set().union(*(f.content for f in frames))
                frames = [*frames, Frame(said_after[sentence.index], None,
                                         frozenset(t.i for t in doc if t.i not in covered), "according")]
            frames = with_context_frames(doc, sentence, frames, resolver.quote_speaker, paragraph_speaker.get(sentence.paragraph))
            for frame in frames:
                if frame.kind in ("speech", "according") and frame.speaker:
                    paragraph_speaker[sentence.paragraph] = frame.speaker
            state.voices[sentence.index] = frozenset(s for f in frames if f.kind != "continued" for s in f.speakers)
            reporting = {f.speaker for f in frames if f.kind == "speech" and f.speaker}
            resolver.reported_speaker = next(iter(reporting)) if len(reporting) == 1 else None
            ctx = Context(doc, frames, resolver, self.lexicon, self.themes,
                          state.speaks_for, self._is_state, self.home)
            hits = governing_hits(doc, sentence, state.cues.get(sentence.index, []), self.topics)
            for hit, tokens in hits:
                foreign = about_someone_else(doc, tokens, ctx)  # 'Sweden wants to join the alliance'
                positionless = foreign or only_a_bound(cue_head(doc, tokens))  # 'protection without joining NATO'
                equated = self._equated(doc, hit, tokens, hits)  # 'membership is the only real guarantee'
                positionless = positionless or equated == "positionless" or carries_another_cue(
                    cue_head(doc, tokens), {i for other, others in hits if other.topic != hit.topic for i in others})
                hit = dataclasses.replace(hit, polarity="oppose") if equated == "oppose" else hit
                if positionless:
                    state.positionless_cues.add((sentence.index, hit.start))
                for claim in [] if asks_only or positionless else claims_for_cue(
                        tokens, hit.polarity, ctx, hit.asserts, hit.topic in self._conceded):
                    claim = claim.answered_no() if answer == -1 else claim
                    stances += self._stances_of(claim, hit.topic, sentence, state, f"cue:{hit.topic}", 0.8)
                    if hit.also_broader and claim.polarity == "support" and self._broader.get(hit.topic):
                        # 'wants clear prospects for membership' backs the membership too; refusing them may only be 'not now'
                        stances += self._stances_of(claim, self._broader[hit.topic], sentence, state,
                                                    f"cue:{hit.topic}|goal", 0.8)
                relative = None if asks_only or positionless else relative_claim(tokens, hit.polarity, ctx)
                if relative:  # 'membership, which Putin has ruled out'
                    stances += self._stances_of(relative, hit.topic, sentence, state, f"cue:{hit.topic}|relative", 0.75)
            stated_hits = [(hit, tokens) for hit, tokens in hits if (sentence.index, hit.start) not in state.positionless_cues]
            for claim in [] if asks_only or not stated_hits else conjoined_claims(ctx, {i for _, t in stated_hits for i in t}):
                stances += self._stances_of(claim, stated_hits[0][0].topic, sentence, state, "anaphora:conjoined", 0.7)
            for hit, tokens in given_way(doc, sentence, state.cues.get(sentence.index, []), hits):
                if about_someone_else(doc, tokens, ctx):  # 'join NATO' in 'Macedonia's bid to be invited to join NATO'
                    state.positionless_cues.add((sentence.index, hit.start))
            if asks_only:
                if hits:
                    last_topic = (sentence.paragraph, sentence.index, hits[0][0].topic, hits[0][0].polarity, False)
                continue
            if hits and last_claim:  # 'Germany has taken a similar line, and …' before a new cue
                for claim in same_position_claims(ctx, last_claim[1]):
                    stances += self._stances_of(claim, last_claim[0], sentence, state, "anaphora:same", 0.55)
            if hits:
                stated = [hit for hit, _ in stated_hits]
                # the topic later sentences take up: a full cue's before a bare word's; a cue about
                # another state or only a bound ('… even without full membership') is not taken up
                first = next((hit for hit in stated if not hit.bare), stated[0] if stated else None)
                believed = any(believed_by_others(doc, tokens, ctx) for hit, tokens in stated_hits if hit is first)
                last_topic = (sentence.paragraph, sentence.index, first.topic, first.polarity, believed) if first else last_topic
            elif last_topic and sentence.index - last_topic[1] <= 2:
                # a repeated position takes its polarity from the last claim on that same topic
                same_topic = last_claim[1] if last_claim and last_claim[0] == last_topic[2] else None
                taken_up = []
                for claim in anaphoric_claims(ctx, same_topic, last_topic[3], last_topic[4]):
                    taken_up += self._stances_of(claim, last_topic[2], sentence, state, "anaphora", 0.55)
                if taken_up:  # the next sentence may take it up in turn ('… joined this initiative. Poland followed.')
                    last_topic = (sentence.paragraph, sentence.index, *last_topic[2:])
                stances += taken_up
            cue_tokens = frozenset(i for _, tokens in hits for i in tokens)
            for claim, topic in backing_claims(ctx, positions.after(stances), cue_tokens):
                stances += self._stances_of(claim, topic, sentence, state, "anaphora:backing", 0.55)
            if stances:
                last_claim = (stances[-1].topic, stances[-1].polarity)
        return dedupe_stances(stances, self._not_now)

    def _equated(self, doc, hit: CueHit, tokens: list[int], hits) -> str | None:
        family = self._equated_with.get(hit.topic)
        if family is None:
            return None
        goal_tokens = {i for other, others in hits if other.topic in family for i in others}
        return equated_with_goal(cue_head(doc, tokens), goal_tokens)

    def _ends_the_war(self, condition: str | None) -> bool:
        """A condition that is the war's end ('after the war is over'): the definition's case of
        wanting the step now while accepting accession after the war, not a conditional step."""
        return bool(condition) and any(p.search(condition) for p in self._war_end_cues)

    def _stances_of(self, claim: Claim, topic: str, sentence: Sentence, state: ArticleState,
                    rule: str, base: float) -> list[Stance]:
        evidence = Evidence(sentence.text, sentence.start, sentence.end)
        if claim.about_the_step_now() and topic in self._step_now:
            topic, rule = self._step_now[topic], f"{rule}|now"
        conditions_matter = topic not in self._condition_neutral and not (
            topic in self._not_now and self._ends_the_war(claim.condition))  # 'an invitation, accession after the war'
        polarity = claim.polarity_on(topic not in self._timing_neutral, conditions_matter)
        if claim.predicate == DISCUSSED and topic not in self._deliberation_open:
            return []  # 'discussed the possibility of Ukraine joining': no side taken on a goal
        if polarity == "support" and topic in self._deliberation_open and claim.predicate in KEPT_OPEN:
            polarity = "mixed"  # 'Sweden would consider participating': not ruled out, not endorsed
        found = []
        for holder in claim.holders:
            speaker, attribution = attribution_of(
                claim, holder, state.speaks_for)
            confidence = base + (0.1 if claim.frame and claim.frame.kind == "speech" else 0.0)
            confidence -= 0.1 if claim.hedged else 0.0
            confidence -= 0.1 if claim.frame and claim.frame.kind == "continued" else 0.0
            found.append(Stance(
                holder, topic, polarity, attribution, speaker, evidence, round(max(0.2, min(0.95, confidence)), 2),
                claim.hedged, claim.condition, state.article.published,
                f"{rule}|pred:{claim.predicate}|frame:{claim.frame.kind if claim.frame else 'narrated'}",
            ))
        return found

def _looks_english(text: str) -> bool:
    sample = text[:20000]
    words = max(1, len(sample.split()))
    return words < 30 or len(_ENGLISH.findall(sample)) / words > 0.08
