-- What a non-production organization's people did with the API: requests counted per day, module, route
-- (the declared route, e.g. /api/v1/ticketing/events/{id}, never a path with its ids) and persona (the
-- signed-in person's email). The server counts in memory and adds its counts every few seconds.
CREATE TABLE operations.usage (
    organization_id uuid   NOT NULL REFERENCES platform.organizations (id),
    day             date   NOT NULL,
    module          text   NOT NULL,
    route           text   NOT NULL,
    persona         text   NOT NULL,
    count           bigint NOT NULL CHECK (count > 0),
    PRIMARY KEY (organization_id, day, module, route, persona)
);
