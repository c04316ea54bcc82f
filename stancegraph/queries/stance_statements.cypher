// Every stance statement, one row each, with the same columns as stance_statements.rq.
// Parameters (null when not filtering): $topic, $holder (ids), $pol, $since, $until (YYYY-MM-DD).
MATCH (h:Actor)-[:HOLDS]->(s:Stance)-[:ON]->(t:Topic), (s)-[:FROM]->(n:Article)
WHERE ($topic IS NULL OR t.id = $topic) AND ($holder IS NULL OR h.id = $holder)
  AND ($pol IS NULL OR s.polarity = $pol)
  AND ($since IS NULL OR (s.date IS NOT NULL AND s.date >= $since))
  AND ($until IS NULL OR (s.date IS NOT NULL AND s.date <= $until))
OPTIONAL MATCH (s)-[:SAID_BY]->(sp:Actor)
RETURN 'https://w3id.org/stancegraph/statement/' + s.id AS statement, h.id AS holderId, h.name AS holderName,
       h.type AS holderType, t.id AS topicId, s.polarity AS pol, s.attribution AS attribution,
       sp.id AS speakerId, sp.name AS speakerName, s.hedged AS hedged, s.condition AS condition,
       s.confidence AS confidence, s.evidence AS evidence, s.start AS start, s.end AS `end`, s.date AS date,
       s.rule AS rule, n.id AS articleId, n.title AS title, n.url AS url, n.outlet AS outlet
ORDER BY topicId, holderName, date, articleId, start
