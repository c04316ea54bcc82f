// One row per actor and topic from the summaries kept at write time, with the same columns as
// stance_summaries.rq. Parameters (null when not filtering): $topic, $holder (ids).
MATCH (m:Summary {kind: 'stance'})
WHERE ($topic IS NULL OR m.topic = $topic) AND ($holder IS NULL OR m.actor = $holder)
MATCH (h:Actor {id: m.actor})
OPTIONAL MATCH (sp:Actor {id: m.speaker})
RETURN h.id AS holderId, h.name AS holderName, h.type AS holderType, m.topic AS topicId, m.polarity AS pol,
       m.statements AS statements, m.first_date AS first, m.last_date AS last, m.article AS articleId,
       m.evidence AS evidence, sp.id AS speakerId, sp.name AS speakerName, m.source AS source,
       m.confidence AS confidence, coalesce(m.backing, m.statements) AS backing
