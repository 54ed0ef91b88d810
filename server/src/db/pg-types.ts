import pg from 'pg';

// DATE columns stay 'YYYY-MM-DD' strings: a JS Date would shift them by the time zone. Parsers
// belong to the thread that loads pg, so every thread that queries imports this module.
pg.types.setTypeParser(pg.types.builtins.DATE, (value: string) => value);
