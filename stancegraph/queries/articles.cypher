// Every stored article with its text and metadata, one row each (for document exports);
// $article (an article id) narrows.
MATCH (n:Article)
WHERE $article IS NULL OR n.id = $article
RETURN n.id AS articleId, n.text AS text, n.title AS title, n.url AS url, n.outlet AS outlet,
       n.author AS author, n.published AS published
ORDER BY published, articleId
