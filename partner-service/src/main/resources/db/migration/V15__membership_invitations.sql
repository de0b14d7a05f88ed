-- Membership is a two-sided act (issue #15): a coordinator INVITES a partner, the partner's own administrators accept
-- (-> ACTIVE) or decline (-> ENDED); or the partner's administrators apply and a coordinator admits. An invitation is
-- an open membership like an application (one open membership per partner and network, index membership_open).
alter table membership drop constraint membership_status_check;
alter table membership add constraint membership_status_check
    check (status in ('INVITED', 'APPLIED', 'ACTIVE', 'SUSPENDED', 'ENDED'));
