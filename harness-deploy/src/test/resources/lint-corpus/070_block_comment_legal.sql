/* DROP TABLE users; /* nested */ still a comment */
SELECT 1;
