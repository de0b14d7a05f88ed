-- Issue 15: places can no longer be hoarded by unchecked e-mail addresses. The secret of a registration reaches the
-- person by mail only; an anonymous registration holds its places (or its waiting-list position) until hold_until
-- unless it is confirmed from that mail; after that a sweep releases it and promotes the waiting list.
alter table registration
    -- null: nothing to confirm (confirmed from the mail, or registered by a signed-in person)
    add column hold_until        timestamptz,
    add column mail_confirmed_at timestamptz,
    -- who ended it: the person (their secret), the host (with a reason told to the person by mail), the hold
    -- (never confirmed), or a mail that could not be sent (the registration was withdrawn at once)
    add column cancelled_by      text check (cancelled_by in ('PERSON', 'HOST', 'HOLD_EXPIRED', 'MAIL_FAILED')),
    -- the host's reason: told to the person by mail, kept here, never on a topic (it may name a person)
    add column cancellation_reason text;

-- What the hold sweep looks for: only the few unconfirmed, not yet cancelled registrations.
create index registration_hold on registration (hold_until) where hold_until is not null and status <> 'CANCELLED';
