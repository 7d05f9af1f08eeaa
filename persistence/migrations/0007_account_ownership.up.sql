-- Who may manage an account that its owner has not activated yet: the
-- organizers of the training institution that registered it (create-user,
-- the roster import). NULL: registered by a platform admin or the command
-- line, or before this column existed; only platform admins manage those.
ALTER TABLE users ADD COLUMN registered_by uuid REFERENCES institutions;

-- A message holding a one-time secret (a new activation code) has its body
-- erased once it is sent or given up, so that the outbox keeps no code.
ALTER TABLE outbox ADD COLUMN secret boolean NOT NULL DEFAULT false;
