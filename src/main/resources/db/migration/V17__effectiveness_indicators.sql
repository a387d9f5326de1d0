-- Effectiveness indicators (监管效能, issue 13): what the statistics need from the database.

-- GB 32100-2015 check character of a unified social credit code (see ../shared/DOMAIN.md): the same rule as
-- common.code.CreditCodes, for 事项要素填报准确率, which checks stored implementation lists in SQL.
create function gb32100_valid(code text) returns boolean language sql immutable strict parallel safe as
$$
select code ~ '^[0-9A-HJ-NPQRTUWXY]{18}$'
   and strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, 18, 1)) - 1
       = (31 - (select sum((strpos('0123456789ABCDEFGHJKLMNPQRTUWXY', substr(code, i, 1)) - 1)
                           * (array[1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28])[i])
                from generate_series(1, 17) as i)::integer % 31) % 31
$$;
