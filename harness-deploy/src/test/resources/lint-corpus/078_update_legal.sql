UPDATE users SET active = true WHERE id IN (SELECT user_id FROM sessions);
