-- The conversion drill-down pages a journey's prospects in id order from a cursor; without this index
-- each page sorted (or filtered past) the whole journey, so paging through it was quadratic. Neither
-- column ever changes, so merging events into a prospect stays a HOT update.
create index prospect_journey_order_idx on prospect (journey_id, id);
