-- What a module's outcome tells the requester: a key of its own bundle and its arguments (a JSON
-- array), resolved in the requester's language when the answer letter is written.
alter table rights_fulfilment add column letter_key varchar(200);
alter table rights_fulfilment add column letter_args varchar(2000);
