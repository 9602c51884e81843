CREATE INDEX runs_status_idx ON runtime.runs USING btree (status) WHERE status <> 'done';
