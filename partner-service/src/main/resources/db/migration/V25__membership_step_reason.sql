-- A coordinator may say why a membership is suspended or ended (issue #18): kept with the step in the history, shown to
-- the network's coordinators and the partner's own people, never published in an event.
alter table membership_history add column reason text check (reason is null or length(reason) between 1 and 500);
