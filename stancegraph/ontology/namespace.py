"""IRIs of the vocabulary and of the things the graph describes, in one place."""

from __future__ import annotations

from ..model import short_hash

BASE = "https://w3id.org/stancegraph/"
SG_NS = BASE + "ns#"
WD_NS = "http://www.wikidata.org/entity/"
SHARED_GRAPH = BASE + "graph/shared"
SUMMARY_GRAPH = BASE + "graph/summaries"  # derived at write time; never exported or validated

PREFIXES = {
    "sg": SG_NS, "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#", "xsd": "http://www.w3.org/2001/XMLSchema#",
    "skos": "http://www.w3.org/2004/02/skos/core#", "prov": "http://www.w3.org/ns/prov#",
    "schema": "https://schema.org/", "owl": "http://www.w3.org/2002/07/owl#",
    "org": "http://www.w3.org/ns/org#", "wd": WD_NS, "oa": "http://www.w3.org/ns/oa#",
    "dcterms": "http://purl.org/dc/terms/",
}


class _ClosedNamespace:
    """Terms of the sg: vocabulary; a mistyped term fails at once instead of minting an IRI."""

    TERMS = frozenset({
        "Actor", "Person", "State", "Organization", "Group", "Journalist", "Statement",
        "StanceStatement", "RelationStatement", "Topic", "Polarity", "holder", "topic", "polarity",
        "attribution", "speaker", "hedged", "condition", "subject", "object", "predicate",
        "confidence", "evidenceText", "evidenceSpan", "start", "end", "date", "rule", "id", "name", "mention",
        "mentions", "articleId", "source", "supports", "opposes", "hasMixedStanceOn", "advises",
        "leads", "headOf", "ambassadorTo", "ministerOf", "formerHeadOf", "memberOf",
        "spokespersonOf", "presidentOf", "primeMinisterOf", "secretaryGeneralOf", "polarities",
        "support", "oppose", "mixed", "journalist", "topics",
        "Summary", "StanceSummary", "RelationSummary", "aboutActor", "aboutTopic", "aboutPredicate",
        "aboutObject", "currentPolarity", "statementCount", "backingCount", "supportCount", "opposeCount",
        "mixedCount", "firstDate", "lastDate", "latestArticle",
        "latestEvidence", "latestSpeaker", "latestSource", "latestConfidence", "summaryVersion",
    })

    def __getattr__(self, term: str) -> str:
        if term not in self.TERMS:
            raise AttributeError(f"sg:{term} is not a term of the stancegraph vocabulary")
        return SG_NS + term

    def __getitem__(self, term: str) -> str:
        return self.__getattr__(term)


SG = _ClosedNamespace()

POLARITY_PROPERTY = {"support": "supports", "oppose": "opposes", "mixed": "hasMixedStanceOn"}


def predicate_property(predicate: str) -> str:
    """'secretary_general_of' -> the sg:secretaryGeneralOf IRI."""
    head, *rest = predicate.split("_")
    return SG[head + "".join(word.capitalize() for word in rest)]


def actor_iri(actor_id: str) -> str:
    scheme, _, local = actor_id.partition(":")
    return f"{BASE}actor/{local}" if scheme in ("wd", "sg") else f"{BASE}actor/{short_hash(actor_id)}"


def topic_iri(topic_id: str) -> str:
    return f"{BASE}topic/{topic_id}"


def article_iri(article_id: str) -> str:
    return f"{BASE}article/{short_hash(article_id, length=24)}"


def article_graph_iri(article_id: str) -> str:
    return f"{BASE}graph/article/{short_hash(article_id, length=24)}"


def statement_iri(statement_id: str) -> str:
    return f"{BASE}statement/{statement_id}"


def summary_iri(key: tuple[str, ...]) -> str:
    return f"{BASE}summary/{short_hash(*key, length=24)}"
