-- Who may manage an account that its owner has not activated yet: the
-- organizers of the training institution that registered it (create-user,
-- the roster import). NULL: registered by a platform admin or the command
-- line, or before this column existed; only platform admins manage those.
ALTER TABLE users ADD COLUMN registered_by uuid REFERENCES institutions;
