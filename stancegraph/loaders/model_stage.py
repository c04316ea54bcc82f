"""The learned classifier's stage of the pipeline: the candidates it may decide in an article and
the stances it adds beside the rules' ones (split from `pipeline`, round 30)."""

from __future__ import annotations

from ..learned.candidates import Candidate, find_candidates
from ..learned.combine import model_stances
from ..model import Stance
from .actors import ActorIndex
from .article_state import ArticleState
from .mentions import only_a_venue
from .speakers import region_of

# The classifier's stances below this probability are never kept; those above it are stored,
# and --min-confidence (default DEFAULT_MIN_CONFIDENCE) decides which a question shows. On 100
# real articles it never trained on (round 15), its additions from 0.4 to 0.7 were right 7
# times in 29, from 0.7 up 27 in 46; the rules' stances below 0.7 were right 14 in 19, so the
# floor is the model's own and --min-confidence stays one threshold for every fact. Round 18
# raised it to 0.9 by a rule set before its first runs: on the eleven clean first runs of
# rounds 16-18 the additions from 0.7 to 0.9 were right 2 times in 16, those from 0.9 up 27 in 45.
MODEL_FLOOR = 0.9


def article_candidates(state: ArticleState, index: ActorIndex, themes: set[str],
                       decided=frozenset()) -> list[Candidate]:
    """Every (sentence, actor, topic) the classifier could decide, less the pairs in `decided`."""
    def name_of(actor: str) -> str | None:
        known = index.entry(actor) or state.new_actors.get(actor)
        return known.name if known else None
    # only the topics a rule cue names (here or in the sentence before): the topics' looser context
    # words added candidates whose stances were right a third of the time on 40 articles the
    # model never saw (eval/README.md, round 11)
    cues = {i: [hit for hit in hits if (i, hit.start) not in state.positionless_cues]
            for i, hits in state.cues.items()}
    # a capital inside an event's name ('the Bratislava Forum') or a venue ('at the White House') holds nothing
    mentions = {i: [m for m in found if not only_a_venue(m, state.article.text)]
                for i, found in state.mentions.items()}
    return find_candidates(state.sentences, mentions, cues, state.docs, state.voices,
                           lambda s: region_of(s, state.regions) is not None, name_of, (), decided, themes)


def with_model_stances(state: ArticleState, stances: list[Stance], classifier, index: ActorIndex,
                       themes: set[str]) -> list[Stance]:
    """The rules' stances and the classifier's, in text order."""
    # the model only adds stances on actor-topic pairs the rules left open in the article, so a
    # candidate whose every topic the rules already decided for its actor is never run
    decided = {(s.actor, s.topic) for s in stances}
    decisions = classifier.decide(article_candidates(state, index, themes, decided), floor=MODEL_FLOOR)
    added = model_stances(decisions, stances, state.voices, state.speaks_for or (lambda s, h: False),
                          state.article.published, classifier.name)
    return sorted([*stances, *added], key=lambda s: (s.evidence.start, s.actor, s.topic))
