-- The lost or stolen device an incident report chose from the inventory (device_ref keeps its name
-- as it was shown); null for other kinds and for reports made before the inventory was linked.
alter table premises_incident add column device_id uuid;
