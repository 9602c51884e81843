ALTER TABLE users ADD COLUMN note text CHECK (note <> 'NOT NULL');
