DROP VIEW IF EXISTS user_summaries;
