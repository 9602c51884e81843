ALTER INDEX users_email_idx RENAME TO users_mail_idx;
