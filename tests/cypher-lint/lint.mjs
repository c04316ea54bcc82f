// Reads a JSON list of Cypher queries on stdin; prints, as JSON, each query's errors (Neo4j's
// language-support linter, diagnostics of severity 1) in the same order. Parameters are bound
// when a query runs, so "Parameter $x is not defined" is no error here.
import { lintCypherQuery } from '@neo4j-cypher/language-support';

let input = '';
process.stdin.on('data', (chunk) => { input += chunk; });
process.stdin.on('end', () => {
  const errors = JSON.parse(input).map((query) =>
    lintCypherQuery(query, {}).diagnostics
      .filter((d) => d.severity === 1 && !/^Parameter \$\w+ is not defined/.test(d.message))
      .map((d) => ({ message: d.message, offset: d.offsets.start })));
  process.stdout.write(JSON.stringify(errors));
});
