--
-- PostgreSQL database dump
--

\restrict U8hYSRwCtaTsaCr2hK3zJci51gSiK0c0mk15zUOthUeSUKSaTSQ2hOWSGBdmC1G

-- Dumped from database version 15.18 (Debian 15.18-0+deb12u1)
-- Dumped by pg_dump version 15.18 (Debian 15.18-0+deb12u1)

SET statement_timeout = 0;
SET lock_timeout = 0;
SET idle_in_transaction_session_timeout = 0;
SET client_encoding = 'UTF8';
SET standard_conforming_strings = on;
SELECT pg_catalog.set_config('search_path', '', false);
SET check_function_bodies = false;
SET xmloption = content;
SET client_min_messages = warning;
SET row_security = off;

SET default_tablespace = '';

SET default_table_access_method = heap;

--
-- Name: api_keys; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.api_keys (
    id uuid NOT NULL,
    name character varying(100) NOT NULL,
    scope character varying(16) NOT NULL,
    organization_id uuid,
    prefix character varying(32) NOT NULL,
    secret_hash bytea NOT NULL,
    created_at timestamp with time zone NOT NULL,
    revoked_at timestamp with time zone
);


--
-- Name: bill_run_failures; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.bill_run_failures (
    id uuid NOT NULL,
    bill_run_id uuid NOT NULL,
    subscription_id uuid NOT NULL,
    period integer,
    code character varying(64) NOT NULL,
    detail character varying(1000) NOT NULL
);


--
-- Name: bill_run_leases; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.bill_run_leases (
    id integer NOT NULL,
    holder uuid NOT NULL,
    expires_at timestamp with time zone NOT NULL,
    holder_process character varying(300) DEFAULT ''::character varying NOT NULL
);


--
-- Name: bill_runs; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.bill_runs (
    id uuid NOT NULL,
    as_of timestamp with time zone NOT NULL,
    started_at timestamp with time zone NOT NULL,
    finished_at timestamp with time zone,
    status character varying(16) NOT NULL,
    due integer NOT NULL,
    invoiced integer NOT NULL,
    skipped integer NOT NULL,
    failed integer NOT NULL
);


--
-- Name: billing_connections; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.billing_connections (
    id uuid NOT NULL,
    type character varying(32) NOT NULL,
    display_name character varying(200) NOT NULL,
    state character varying(32) NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: credit_transactions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.credit_transactions (
    id uuid NOT NULL,
    customer_id uuid NOT NULL,
    currency character(3) NOT NULL,
    amount bigint NOT NULL,
    type character varying(32) NOT NULL,
    description character varying(500),
    invoice_id uuid,
    payment_id uuid,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: customers; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.customers (
    id uuid NOT NULL,
    kind character varying(16) NOT NULL,
    organization_id uuid,
    name character varying(200) NOT NULL,
    company character varying(200),
    email character varying(254),
    phone character varying(40),
    tax_id character varying(64),
    purchase_order character varying(100),
    external_id character varying(200),
    metadata text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    archived_at timestamp with time zone,
    status character varying(16) NOT NULL,
    status_changed_at timestamp with time zone,
    suspended_reason character varying(500),
    address_city character varying(200),
    address_country character varying(2),
    address_line1 character varying(200),
    address_line2 character varying(200),
    address_postal_code character varying(200),
    address_region character varying(200),
    billing_action_required_notifications_email character varying(254),
    billing_all_notifications_email character varying(254),
    billing_auto_recharge_back_up_to_usd_cents bigint,
    billing_auto_recharge_below_usd_cents bigint,
    billing_auto_recharge_enabled boolean NOT NULL,
    billing_credit_uninvoiced_limit_usd_cents bigint,
    billing_domains text,
    billing_spend_daily_hard_limit_usd_cents bigint,
    billing_spend_daily_notify_threshold_usd_cents bigint,
    billing_spend_management_enabled boolean NOT NULL,
    billing_spend_webhook_url character varying(2000),
    billing_tier character varying(50)
);


--
-- Name: ef_migrations_history; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.ef_migrations_history (
    "MigrationId" character varying(150) NOT NULL,
    "ProductVersion" character varying(32) NOT NULL
);


--
-- Name: exchange_rates; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.exchange_rates (
    currency character(3) NOT NULL,
    usd_per_unit numeric(18,10) NOT NULL,
    updated_at timestamp with time zone NOT NULL
);


--
-- Name: invoice_items; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.invoice_items (
    id uuid NOT NULL,
    invoice_id uuid NOT NULL,
    "position" integer NOT NULL,
    description character varying(500) NOT NULL,
    quantity numeric(18,4) NOT NULL,
    unit_amount bigint NOT NULL,
    discount_amount bigint,
    discount_percent numeric(7,4),
    tax_rate numeric(7,4) NOT NULL,
    tax_inclusive boolean NOT NULL,
    period_start timestamp with time zone,
    period_end timestamp with time zone,
    product_ref character varying(200),
    external_id character varying(200),
    amount bigint NOT NULL,
    discount bigint NOT NULL,
    invoice_discount bigint NOT NULL,
    tax bigint NOT NULL,
    total bigint NOT NULL,
    price_id uuid
);


--
-- Name: invoices; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.invoices (
    id uuid NOT NULL,
    customer_id uuid NOT NULL,
    organization_id uuid,
    currency character(3) NOT NULL,
    status character varying(16) NOT NULL,
    muted boolean NOT NULL,
    number character varying(100),
    reference character varying(100),
    description character varying(2000),
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    issued_at timestamp with time zone,
    due_at timestamp with time zone,
    days_until_due integer,
    sent_at timestamp with time zone,
    paid_at timestamp with time zone,
    voided_at timestamp with time zone,
    marked_uncollectible_at timestamp with time zone,
    period_start timestamp with time zone,
    period_end timestamp with time zone,
    discount_amount bigint,
    discount_percent numeric(7,4),
    subtotal bigint NOT NULL,
    discount bigint NOT NULL,
    invoice_discount bigint NOT NULL,
    tax bigint NOT NULL,
    total bigint NOT NULL,
    amount_paid bigint NOT NULL,
    credit_applied bigint NOT NULL,
    amount_remaining bigint NOT NULL,
    starting_balance bigint,
    ending_balance bigint,
    usd_per_unit numeric(18,10),
    connection_id uuid,
    external_id character varying(200),
    pulled_at timestamp with time zone,
    version integer NOT NULL,
    bill_to_company character varying(200),
    bill_to_email character varying(254),
    bill_to_name character varying(200),
    bill_to_phone character varying(40),
    bill_to_address_city character varying(200),
    bill_to_address_country character varying(2),
    bill_to_address_line1 character varying(200),
    bill_to_address_line2 character varying(200),
    bill_to_address_postal_code character varying(200),
    bill_to_address_region character varying(200),
    subscription_id uuid,
    subscription_period integer
);


--
-- Name: number_sequences; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.number_sequences (
    scope character varying(64) NOT NULL,
    period character varying(16) NOT NULL,
    last_value bigint NOT NULL
);


--
-- Name: payments; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.payments (
    id uuid NOT NULL,
    invoice_id uuid NOT NULL,
    customer_id uuid NOT NULL,
    currency character(3) NOT NULL,
    amount bigint NOT NULL,
    credited_to_balance bigint NOT NULL,
    method character varying(32) NOT NULL,
    reference character varying(200),
    received_at timestamp with time zone NOT NULL,
    created_at timestamp with time zone NOT NULL
);


--
-- Name: prices; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.prices (
    id uuid NOT NULL,
    product_id uuid NOT NULL,
    currency character(3) NOT NULL,
    unit_amount bigint NOT NULL,
    type character varying(16) NOT NULL,
    recurring_interval character varying(8),
    recurring_interval_count integer,
    tax_rate numeric(7,4) NOT NULL,
    tax_inclusive boolean NOT NULL,
    nickname character varying(200),
    lookup_key character varying(200),
    metadata text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    archived_at timestamp with time zone,
    version integer NOT NULL
);


--
-- Name: products; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.products (
    id uuid NOT NULL,
    name character varying(200) NOT NULL,
    description character varying(2000),
    metadata text NOT NULL,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    archived_at timestamp with time zone,
    version integer NOT NULL
);


--
-- Name: subscription_items; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.subscription_items (
    id uuid NOT NULL,
    subscription_id uuid NOT NULL,
    price_id uuid NOT NULL,
    quantity numeric(18,4) NOT NULL,
    "position" integer NOT NULL,
    effective_from_period integer NOT NULL,
    ends_after_period integer
);


--
-- Name: subscriptions; Type: TABLE; Schema: public; Owner: -
--

CREATE TABLE public.subscriptions (
    id uuid NOT NULL,
    customer_id uuid NOT NULL,
    organization_id uuid,
    currency character(3) NOT NULL,
    start_at timestamp with time zone NOT NULL,
    trial_end timestamp with time zone,
    billing_anchor timestamp with time zone NOT NULL,
    status character varying(16) NOT NULL,
    cancel_at_period_end boolean NOT NULL,
    canceled_at timestamp with time zone,
    ended_at timestamp with time zone,
    next_period_index integer NOT NULL,
    next_bill_at timestamp with time zone,
    days_until_due integer,
    created_at timestamp with time zone NOT NULL,
    updated_at timestamp with time zone NOT NULL,
    version integer NOT NULL,
    interval_count integer NOT NULL,
    "interval" character varying(8) NOT NULL
);


--
-- Data for Name: api_keys; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.api_keys (id, name, scope, organization_id, prefix, secret_hash, created_at, revoked_at) FROM stdin;
019b89e3-5aa3-7200-9c40-302c0bacefba	Acme console	organization	019b89e3-5aa3-71f9-9862-bf9315a754c0	folio_sk_KFRC4rJP	\\xf4d62736fed827ec4c46e0fbd97bcf04c0c6416b107070402c0cfd8718223fc6	2026-01-04 16:42:17.123456+00	\N
019e275e-12a3-71ca-a4a9-ba4cf3ea0e9e	demo admin	admin	\N	folio_sk_ndlaIibK	\\xaab9b6f8400a465385ac47b3d2f2564bbc2dd33ce5715a3240b6ecaad9164885	2026-05-14 16:42:17.123456+00	\N
019e275e-12a3-71cb-a1cf-d319303fcb6c	Acme billing console	organization	019b89e3-5aa3-71f9-9862-bf9315a754c0	folio_sk_qTOt6fbv	\\xb4f72b9476a25469c335c94216a12a0e4d33668574bb535b2691c2e13e4cbdc6	2026-05-14 16:42:17.123456+00	\N
\.


--
-- Data for Name: bill_run_failures; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.bill_run_failures (id, bill_run_id, subscription_id, period, code, detail) FROM stdin;
019e275e-12a3-71da-80e7-71f670f1be30	019e275e-12a3-71d5-8930-58dddee24f70	019e275e-12a3-71d3-9b0d-c287b7688b51	0	missing_exchange_rate	No exchange rate from CHF to USD is set; set one (PUT /v1/exchange_rates/CHF) before finalizing.
\.


--
-- Data for Name: bill_run_leases; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.bill_run_leases (id, holder, expires_at, holder_process) FROM stdin;
\.


--
-- Data for Name: bill_runs; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.bill_runs (id, as_of, started_at, finished_at, status, due, invoiced, skipped, failed) FROM stdin;
019ca521-1ea3-70da-8546-d20afe7d6def	2026-02-28 16:42:17.123456+00	2026-02-28 16:42:17.123456+00	2026-02-28 16:42:17.123456+00	completed	1	1	0	0
019d731f-7ea3-715a-b107-b40c451be600	2026-03-28 16:42:17+00	2026-03-28 16:42:17+00	2026-03-28 16:42:17+00	completed	1	1	0	0
019d731f-7ea3-7160-b28c-bf09ef08f35a	2026-04-04 16:42:17.123456+00	2026-04-04 16:42:17.123456+00	2026-04-04 16:42:17.123456+00	completed	1	1	0	0
019dd4f8-5228-70a3-974f-4344682f8622	2026-04-28 16:42:17+00	2026-04-28 16:42:17+00	2026-04-28 16:42:17+00	completed	1	1	0	0
019df3de-7aa3-7361-9198-d5c35d4f538b	2026-05-04 16:42:17+00	2026-05-04 16:42:17+00	2026-05-04 16:42:17+00	completed	1	1	0	0
019e275e-12a3-71d5-8930-58dddee24f70	2026-05-14 16:42:17.123456+00	2026-05-14 16:42:17.123456+00	2026-05-14 16:42:17.123456+00	completed	2	1	0	1
\.


--
-- Data for Name: billing_connections; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.billing_connections (id, type, display_name, state, created_at, updated_at) FROM stdin;
01000000-0000-7000-8000-000000000001	FOLIO	Folio ledger	ACTIVE	2026-12-02 09:24:22.027565+00	2026-12-02 09:24:22.027565+00
\.


--
-- Data for Name: credit_transactions; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.credit_transactions (id, customer_id, currency, amount, type, description, invoice_id, payment_id, created_at) FROM stdin;
019df3de-7aa3-735c-946b-a01b225ff0a7	019b89e3-5aa3-71f9-9862-bf9315a754c0	USD	10000	grant	Goodwill credit for the August outage	\N	\N	2026-05-04 16:42:17.123456+00
019df3de-7aa3-7360-9384-c4c362cac3f2	019b89e3-5aa3-71f9-9862-bf9315a754c0	USD	-10000	invoice_application	Applied to invoice 2026-0013	019df3de-7aa3-735d-b157-8b9d2d7cd985	\N	2026-05-04 16:42:17.123456+00
019e275e-12a3-71dd-81ca-4c9b2064f429	019e275e-12a3-71cc-97b2-8206edd2527d	USD	2500	overpayment	Overpayment of invoice 2026-0015	019e275e-12a3-71d6-8460-e5dbd1ef31a6	019e275e-12a3-71dc-a26c-4c2c7320e2e4	2026-05-14 16:42:17.123456+00
019e275e-12a3-71de-a4be-c30c4c8d372d	019b89e3-5aa3-71fc-be79-d8af4d51b47e	EUR	5000	grant	Empfehlungsbonus	\N	\N	2026-05-14 16:42:17.123456+00
\.


--
-- Data for Name: customers; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.customers (id, kind, organization_id, name, company, email, phone, tax_id, purchase_order, external_id, metadata, created_at, updated_at, archived_at, status, status_changed_at, suspended_reason, address_city, address_country, address_line1, address_line2, address_postal_code, address_region, billing_action_required_notifications_email, billing_all_notifications_email, billing_auto_recharge_back_up_to_usd_cents, billing_auto_recharge_below_usd_cents, billing_auto_recharge_enabled, billing_credit_uninvoiced_limit_usd_cents, billing_domains, billing_spend_daily_hard_limit_usd_cents, billing_spend_daily_notify_threshold_usd_cents, billing_spend_management_enabled, billing_spend_webhook_url, billing_tier) FROM stdin;
019b89e3-5aa3-71fa-80ed-1c8ef2a1ff51	user	019b89e3-5aa3-71f9-9862-bf9315a754c0	Ada Park	\N	ada@acme.example	\N	\N	\N	\N	{}	2026-01-04 16:42:17.123456+00	2026-01-04 16:42:17.123456+00	\N	active	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	f	\N	\N	\N	\N	f	\N	\N
019b89e3-5aa3-71fb-8e0d-1c8ace5cf2e1	user	019b89e3-5aa3-71f9-9862-bf9315a754c0	Lin Okafor	\N	lin@acme.example	\N	\N	\N	\N	{}	2026-01-04 16:42:17.123456+00	2026-01-04 16:42:17.123456+00	\N	active	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	f	\N	\N	\N	\N	f	\N	\N
019b89e3-5aa3-71fd-bd12-e435244dfc16	user	019b89e3-5aa3-71fc-be79-d8af4d51b47e	Jonas Brandt	\N	jonas@brandt.example	\N	\N	\N	\N	{}	2026-01-04 16:42:17.123456+00	2026-01-04 16:42:17.123456+00	\N	active	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	f	\N	\N	\N	\N	f	\N	\N
019b89e3-5aa3-71ff-9760-f103de45c306	organization	\N	Gulf Freight W.L.L.	Gulf Freight W.L.L.	accounts@gulffreight.example	\N	\N	\N	\N	{}	2026-01-04 16:42:17.123456+00	2026-01-04 16:42:17.123456+00	\N	active	\N	\N	Manama	BH	Building 221, Road 1702	Diplomatic Area	317	\N	\N	\N	\N	\N	f	\N	\N	\N	\N	f	\N	\N
019b89e3-5aa3-71f9-9862-bf9315a754c0	organization	\N	Acme Robotics	Acme Robotics Inc.	billing@acme.example	+12125550123	US-12-3456789	PO-7781	cus_Acme7781	{}	2026-01-04 16:42:17.123456+00	2026-01-04 16:42:17.123456+00	\N	active	\N	\N	Brooklyn	US	42 West St	\N	11222	NY	ops@acme.example	billing@acme.example	50000	5000	t	200000	acme.example,acme-robotics.example	30000	20000	t	https://acme.example/hooks/spend	enterprise
019b89e3-5aa3-71fc-be79-d8af4d51b47e	organization	\N	Brandt & Söhne GmbH	Brandt & Söhne GmbH	rechnung@brandt.example	\N	DE123456789	\N	\N	{}	2026-01-04 16:42:17.123456+00	2026-01-04 16:42:17.123456+00	\N	active	\N	\N	Berlin	DE	Friedrichstraße 12	\N	10117	\N	\N	rechnung@brandt.example	\N	\N	f	50000	brandt.example	\N	\N	f	\N	business
019b89e3-5aa3-7201-92e1-bc8618eac2e7	user	\N	Sam Rivera	\N	sam@rivera.example	\N	\N	\N	\N	{}	2026-01-04 16:42:17.123456+00	2026-01-04 16:42:17.123456+00	\N	active	\N	\N	Halifax	CA	9 Harbour Rd	\N	B3H 1A1	NS	\N	\N	\N	\N	f	\N	\N	\N	\N	f	\N	\N
019b89e3-5aa3-71fe-a591-7059f010b5f4	organization	\N	Kumo Systems KK	\N	keiri@kumo.example	\N	\N	\N	\N	{}	2026-01-04 16:42:17.123456+00	2026-05-14 16:42:17.123456+00	\N	suspended	2026-05-14 16:42:17.123456+00	Invoices past due	Chiyoda-ku	JP	1-2-3 Marunouchi	\N	100-0005	Tokyo	\N	\N	\N	\N	f	\N	kumo.example	\N	\N	f	\N	startup
019e275e-12a3-71cc-97b2-8206edd2527d	organization	\N	Umbrella Ltd	\N	ap@umbrella.example	\N	\N	\N	\N	{"segment":"enterprise","crm":"0016Q00001Umb"}	2026-05-14 16:42:17.123456+00	2026-05-14 16:42:17.123456+00	\N	active	\N	\N	London	GB	1 Canada Square	\N	E14 5AB	\N	\N	\N	\N	\N	f	\N	\N	\N	\N	f	\N	\N
019e275e-12a3-71cd-8de5-d388d72fcc0f	user	019e275e-12a3-71cc-97b2-8206edd2527d	Grace Hale	\N	grace@umbrella.example	\N	\N	\N	\N	{}	2026-05-14 16:42:17.123456+00	2026-05-14 16:42:17.123456+00	\N	active	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	f	\N	\N	\N	\N	f	\N	\N
019e275e-12a3-71d2-adcb-706869e385e4	organization	\N	Helvetia Robotik AG	\N	buchhaltung@helvetia.example	\N	\N	\N	\N	{}	2026-05-14 16:42:17.123456+00	2026-05-14 16:42:17.123456+00	\N	active	\N	\N	Zürich	CH	Bahnhofstrasse 1	\N	8001	\N	\N	\N	\N	\N	f	\N	\N	\N	\N	f	\N	\N
019e275e-12a3-71df-9b72-a5d125d29a3a	organization	\N	Dormant Dynamics LLC	\N	closed@dormant.example	\N	\N	\N	\N	{}	2026-05-14 16:42:17.123456+00	2026-05-14 16:42:17.123456+00	2026-05-14 16:42:17.123456+00	active	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	f	\N	\N	\N	\N	f	\N	\N
\.


--
-- Data for Name: ef_migrations_history; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.ef_migrations_history ("MigrationId", "ProductVersion") FROM stdin;
20261124025826_Initial	10.0.15
20261124042317_Catalog	10.0.15
20261124044037_Subscriptions	10.0.15
20261124044807_BillRuns	10.0.15
20261124052037_BillRunLeaseHolderProcess	10.0.15
\.


--
-- Data for Name: exchange_rates; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.exchange_rates (currency, usd_per_unit, updated_at) FROM stdin;
JPY	0.0067000000	2026-01-04 16:42:17.123456+00
GBP	1.2704000000	2026-01-04 16:42:17.123456+00
BHD	2.6525000000	2026-01-04 16:42:17.123456+00
EUR	1.0921000000	2026-04-04 16:42:17.123456+00
\.


--
-- Data for Name: invoice_items; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.invoice_items (id, invoice_id, "position", description, quantity, unit_amount, discount_amount, discount_percent, tax_rate, tax_inclusive, period_start, period_end, product_ref, external_id, amount, discount, invoice_discount, tax, total, price_id) FROM stdin;
019b89e3-5aa3-720b-97f4-2139bf3b6f54	019b89e3-5aa3-720a-be93-517cfe27e168	0	Seat licence, Q2	3.0000	12000	\N	\N	0.0000	f	\N	\N	\N	\N	36000	0	0	0	36000	\N
019bbd62-f2a3-71de-b0c3-103ed8e6f40b	019bbd62-f2a3-71dd-b938-df3ef02b669b	0	Platform subscription, June	1.0000	49900	\N	\N	0.0000	f	\N	\N	\N	\N	49900	0	0	0	49900	\N
019bbd62-f2a3-71df-a7f5-2eff417f4be3	019bbd62-f2a3-71dd-b938-df3ef02b669b	1	Support hours	3.5000	9500	\N	\N	8.8750	f	\N	\N	\N	\N	33250	0	0	2951	36201	\N
019c3e21-eea3-711e-9503-5028227b18ba	019c3e21-eea3-711d-89ad-30db737a61ce	0	Beratung	4.0000	15000	\N	\N	19.0000	f	\N	\N	\N	\N	60000	0	6000	10260	64260	\N
019c3e21-eea3-711f-9343-9e368e75449a	019c3e21-eea3-711d-89ad-30db737a61ce	1	Reisekosten	1.0000	32050	\N	\N	19.0000	f	\N	\N	\N	\N	32050	0	3205	5481	34326	\N
019ca521-1ea3-70dc-9546-dddf12548019	019ca521-1ea3-70db-8a87-4f73daa1d970	0	Platform subscription (Monthly)	1.0000	49900	\N	\N	0.0000	f	2026-02-28 16:42:17+00	2026-03-28 16:42:17+00	\N	\N	49900	0	0	0	49900	019b89e3-5aa3-7203-a3c0-aeedf7e669c1
019cf260-82a3-7084-85b2-32f32180ba8a	019cf260-82a3-7083-b8d9-3233122c7f1a	0	API利用料 (API usage)	1.0000	33000	\N	\N	10.0000	t	\N	\N	\N	\N	33000	0	0	3000	33000	\N
019cf260-82a3-7085-ae8e-6decf1c578df	019cf260-82a3-7083-b8d9-3233122c7f1a	1	Onboarding	1.0000	110000	\N	\N	10.0000	t	\N	\N	\N	\N	110000	0	0	10000	110000	\N
019d731f-7ea3-7156-865d-7e65eede1b88	019d731f-7ea3-7155-a462-582a5b42c43a	0	Platform subscription, August	1.0000	49900	\N	\N	0.0000	f	\N	\N	\N	\N	49900	0	0	0	49900	\N
019d731f-7ea3-7157-a970-1abe3fae8151	019d731f-7ea3-7155-a462-582a5b42c43a	1	Extra robots	12.0000	2499	\N	\N	8.8750	f	\N	\N	\N	\N	29988	0	0	2661	32649	\N
019d731f-7ea3-7159-b72c-4c5c51e63c93	019d731f-7ea3-7158-990f-23e9d4b89e54	0	Legacy plan	1.0000	54000	\N	\N	10.0000	t	\N	\N	\N	\N	54000	0	0	4909	54000	\N
019d731f-7ea3-715c-beae-01b00c039f65	019d731f-7ea3-715b-8b28-64b3317bf077	0	Platform subscription (Monthly)	1.0000	49900	\N	\N	0.0000	f	2026-03-28 16:42:17+00	2026-04-28 16:42:17+00	\N	\N	49900	0	0	0	49900	019b89e3-5aa3-7203-a3c0-aeedf7e669c1
019d731f-7ea3-7162-bb71-d555a962580a	019d731f-7ea3-7161-bc1c-306e0a47abda	0	Platform subscription (Monthly)	1.0000	49900	\N	\N	0.0000	f	2026-04-04 16:42:17+00	2026-05-04 16:42:17+00	\N	\N	49900	0	0	0	49900	019b89e3-5aa3-7203-a3c0-aeedf7e669c1
019d731f-7ea3-7164-9746-401e87241e4a	019d731f-7ea3-7163-9c0d-8f6f73075dd6	0	Freight tracking, 3 months	1.0000	1250500	\N	\N	0.0000	f	\N	\N	\N	\N	1250500	0	0	0	1250500	\N
019d731f-7ea3-7165-9024-b3269a77f0c1	019d731f-7ea3-7163-9c0d-8f6f73075dd6	1	Customs filing	4.0000	18750	\N	\N	10.0000	f	\N	\N	\N	\N	75000	0	0	7500	82500	\N
019da69f-16a3-7401-bac1-5485def7c4c1	019da69f-16a3-7400-a017-79f5a7024093	0	Beratung	4.0000	15000	\N	\N	19.0000	f	\N	\N	\N	\N	60000	0	6000	10260	64260	\N
019da69f-16a3-7402-b7e0-5637f88779e8	019da69f-16a3-7400-a017-79f5a7024093	1	Reisekosten	1.0000	29000	\N	\N	19.0000	f	\N	\N	\N	\N	29000	0	2900	4959	31059	\N
019dd4f8-5228-70a5-82b8-5efd5e73d559	019dd4f8-5228-70a4-91a8-fcf79bacdf2e	0	Platform subscription (Monthly)	1.0000	49900	\N	\N	0.0000	f	2026-04-28 16:42:17+00	2026-05-28 16:42:17+00	\N	\N	49900	0	0	0	49900	019b89e3-5aa3-7203-a3c0-aeedf7e669c1
019df3de-7aa3-735e-8e6e-7102624ec4e3	019df3de-7aa3-735d-b157-8b9d2d7cd985	0	Platform subscription, November	1.0000	49900	\N	\N	0.0000	f	\N	\N	\N	\N	49900	0	0	0	49900	019b89e3-5aa3-7203-a3c0-aeedf7e669c1
019df3de-7aa3-735f-9200-48d53661affa	019df3de-7aa3-735d-b157-8b9d2d7cd985	1	Robot arm rental	7.5000	1250	\N	\N	8.8750	f	\N	\N	\N	\N	9375	0	0	832	10207	\N
019df3de-7aa3-7363-9fc3-57384a4f8159	019df3de-7aa3-7362-bcb3-449fdbc456da	0	Platform subscription (Monthly)	1.0000	49900	\N	\N	0.0000	f	2026-05-04 16:42:17+00	2026-06-04 16:42:17+00	\N	\N	49900	0	0	0	49900	019b89e3-5aa3-7203-a3c0-aeedf7e669c1
019e275e-12a3-71c7-a0ce-0272f90484bc	019e275e-12a3-71c6-bb7a-0ef9557ba84f	0	Beratung	2.0000	15000	\N	\N	19.0000	f	\N	\N	\N	\N	30000	0	0	5700	35700	\N
019e275e-12a3-71c9-9be0-6f4c1f4d05f9	019e275e-12a3-71c8-a9fe-b3577a265191	0	Consulting	6.0000	9500	\N	\N	0.0000	f	\N	\N	\N	\N	57000	0	0	0	57000	\N
019e275e-12a3-71d7-8384-6310aeaf8ebd	019e275e-12a3-71d6-8460-e5dbd1ef31a6	0	Platform subscription (Monthly)	3.0000	49900	\N	\N	0.0000	f	2026-05-14 16:42:17+00	2026-06-14 16:42:17+00	\N	\N	149700	0	0	0	149700	019b89e3-5aa3-7203-a3c0-aeedf7e669c1
\.


--
-- Data for Name: invoices; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.invoices (id, customer_id, organization_id, currency, status, muted, number, reference, description, created_at, updated_at, issued_at, due_at, days_until_due, sent_at, paid_at, voided_at, marked_uncollectible_at, period_start, period_end, discount_amount, discount_percent, subtotal, discount, invoice_discount, tax, total, amount_paid, credit_applied, amount_remaining, starting_balance, ending_balance, usd_per_unit, connection_id, external_id, pulled_at, version, bill_to_company, bill_to_email, bill_to_name, bill_to_phone, bill_to_address_city, bill_to_address_country, bill_to_address_line1, bill_to_address_line2, bill_to_address_postal_code, bill_to_address_region, subscription_id, subscription_period) FROM stdin;
019d731f-7ea3-7161-bc1c-306e0a47abda	019b89e3-5aa3-7201-92e1-bc8618eac2e7	\N	USD	open	f	2026-0009	\N	Subscription period 2026-04-04 to 2026-05-04	2026-04-04 16:42:17.123456+00	2026-04-04 16:42:17.123456+00	2026-04-04 16:42:17.123456+00	2026-05-04 16:42:17.123456+00	\N	\N	\N	\N	\N	2026-04-04 16:42:17+00	2026-05-04 16:42:17+00	\N	\N	49900	0	0	0	49900	0	0	49900	0	0	1.0000000000	\N	\N	\N	1	\N	sam@rivera.example	Sam Rivera	\N	Halifax	CA	9 Harbour Rd	\N	B3H 1A1	NS	019d731f-7ea3-715e-92e4-767e4961d409	0
019bbd62-f2a3-71dd-b938-df3ef02b669b	019b89e3-5aa3-71f9-9862-bf9315a754c0	019b89e3-5aa3-71f9-9862-bf9315a754c0	USD	paid	f	2026-0002	PO-7781	\N	2026-01-14 16:42:17.123456+00	2026-01-29 16:42:17.123456+00	2026-01-14 16:42:17.123456+00	2026-02-13 16:42:17.123456+00	30	2026-01-14 16:42:17.123456+00	2026-01-29 16:42:17.123456+00	\N	\N	\N	\N	\N	\N	83150	0	0	2951	86101	86101	0	0	0	0	1.0000000000	\N	\N	\N	3	Acme Robotics Inc.	billing@acme.example	Acme Robotics	+12125550123	Brooklyn	US	42 West St	\N	11222	NY	\N	\N
019c3e21-eea3-711d-89ad-30db737a61ce	019b89e3-5aa3-71fc-be79-d8af4d51b47e	019b89e3-5aa3-71fc-be79-d8af4d51b47e	EUR	void	f	2026-0003	\N	\N	2026-02-08 16:42:17.123456+00	2026-02-09 16:42:17.123456+00	2026-02-08 16:42:17.123456+00	2026-02-22 16:42:17.123456+00	14	\N	\N	2026-02-09 16:42:17.123456+00	\N	\N	\N	\N	10.0000	92050	9205	9205	15741	98586	0	0	98586	0	0	1.0842000000	\N	\N	\N	2	Brandt & Söhne GmbH	rechnung@brandt.example	Brandt & Söhne GmbH	\N	Berlin	DE	Friedrichstraße 12	\N	10117	\N	\N	\N
019ca521-1ea3-70db-8a87-4f73daa1d970	019b89e3-5aa3-71f9-9862-bf9315a754c0	019b89e3-5aa3-71f9-9862-bf9315a754c0	USD	paid	f	2026-0004	\N	Subscription period 2026-02-28 to 2026-03-28	2026-02-28 16:42:17.123456+00	2026-03-05 16:42:17.123456+00	2026-02-28 16:42:17.123456+00	2026-03-14 16:42:17.123456+00	14	\N	2026-03-05 16:42:17.123456+00	\N	\N	2026-02-28 16:42:17+00	2026-03-28 16:42:17+00	\N	\N	49900	0	0	0	49900	49900	0	0	0	0	1.0000000000	\N	\N	\N	2	Acme Robotics Inc.	billing@acme.example	Acme Robotics	+12125550123	Brooklyn	US	42 West St	\N	11222	NY	019ca521-1ea3-70d8-a3f9-1d5acbb79ae9	0
019cf260-82a3-7083-b8d9-3233122c7f1a	019b89e3-5aa3-71fe-a591-7059f010b5f4	019b89e3-5aa3-71fe-a591-7059f010b5f4	JPY	paid	f	2026-0005	\N	\N	2026-03-15 16:42:17.123456+00	2026-04-09 16:42:17.123456+00	2026-03-15 16:42:17.123456+00	2026-04-14 16:42:17.123456+00	30	2026-03-15 16:42:17.123456+00	2026-04-09 16:42:17.123456+00	\N	\N	\N	\N	\N	\N	143000	0	0	13000	143000	143000	0	0	0	0	0.0067000000	\N	\N	\N	4	\N	keiri@kumo.example	Kumo Systems KK	\N	Chiyoda-ku	JP	1-2-3 Marunouchi	\N	100-0005	Tokyo	\N	\N
019d731f-7ea3-7155-a462-582a5b42c43a	019b89e3-5aa3-71f9-9862-bf9315a754c0	019b89e3-5aa3-71f9-9862-bf9315a754c0	USD	open	f	2026-0006	PO-7790	\N	2026-03-25 16:42:17.123456+00	2026-03-25 16:42:17.123456+00	2026-03-25 16:42:17.123456+00	2026-04-08 16:42:17.123456+00	14	2026-03-25 16:42:17.123456+00	\N	\N	\N	\N	\N	\N	\N	79888	0	0	2661	82549	0	0	82549	0	0	1.0000000000	\N	\N	\N	2	Acme Robotics Inc.	billing@acme.example	Acme Robotics	+12125550123	Brooklyn	US	42 West St	\N	11222	NY	\N	\N
019d731f-7ea3-7158-990f-23e9d4b89e54	019b89e3-5aa3-71fe-a591-7059f010b5f4	019b89e3-5aa3-71fe-a591-7059f010b5f4	JPY	open	t	2026-0007	\N	Migrated from the previous billing system	2026-03-30 16:42:17.123456+00	2026-03-30 16:42:17.123456+00	2026-03-30 16:42:17.123456+00	2026-04-09 16:42:17.123456+00	10	\N	\N	\N	\N	\N	\N	\N	\N	54000	0	0	4909	54000	0	0	54000	0	0	0.0067000000	\N	\N	\N	2	\N	keiri@kumo.example	Kumo Systems KK	\N	Chiyoda-ku	JP	1-2-3 Marunouchi	\N	100-0005	Tokyo	\N	\N
019d731f-7ea3-715b-8b28-64b3317bf077	019b89e3-5aa3-71f9-9862-bf9315a754c0	019b89e3-5aa3-71f9-9862-bf9315a754c0	USD	paid	f	2026-0008	\N	Subscription period 2026-03-28 to 2026-04-28	2026-03-28 16:42:17+00	2026-03-31 16:42:17+00	2026-03-28 16:42:17+00	2026-04-11 16:42:17+00	14	\N	2026-03-31 16:42:17+00	\N	\N	2026-03-28 16:42:17+00	2026-04-28 16:42:17+00	\N	\N	49900	0	0	0	49900	49900	0	0	0	0	1.0000000000	\N	\N	\N	2	Acme Robotics Inc.	billing@acme.example	Acme Robotics	+12125550123	Brooklyn	US	42 West St	\N	11222	NY	019ca521-1ea3-70d8-a3f9-1d5acbb79ae9	1
019df3de-7aa3-735d-b157-8b9d2d7cd985	019b89e3-5aa3-71f9-9862-bf9315a754c0	019b89e3-5aa3-71f9-9862-bf9315a754c0	USD	open	f	2026-0013	PO-7802	\N	2026-05-04 16:42:17.123456+00	2026-05-04 16:42:17.123456+00	2026-05-04 16:42:17.123456+00	2026-06-03 16:42:17.123456+00	30	2026-05-04 16:42:17.123456+00	\N	\N	\N	\N	\N	\N	\N	59275	0	0	832	60107	0	10000	50107	10000	0	1.0000000000	\N	\N	\N	2	Acme Robotics Inc.	billing@acme.example	Acme Robotics	+12125550123	Brooklyn	US	42 West St	\N	11222	NY	\N	\N
019d731f-7ea3-7163-9c0d-8f6f73075dd6	019b89e3-5aa3-71ff-9760-f103de45c306	019b89e3-5aa3-71ff-9760-f103de45c306	BHD	open	f	2026-0010	GF-311	\N	2026-04-04 16:42:17.123456+00	2026-04-19 16:42:17.123456+00	2026-04-04 16:42:17.123456+00	2026-05-04 16:42:17.123456+00	30	2026-04-04 16:42:17.123456+00	\N	\N	\N	\N	\N	\N	\N	1325500	0	0	7500	1333000	600000	0	733000	0	0	2.6525000000	\N	\N	\N	3	Gulf Freight W.L.L.	accounts@gulffreight.example	Gulf Freight W.L.L.	\N	Manama	BH	Building 221, Road 1702	Diplomatic Area	317	\N	\N	\N
019b89e3-5aa3-720a-be93-517cfe27e168	019b89e3-5aa3-71fa-80ed-1c8ef2a1ff51	019b89e3-5aa3-71f9-9862-bf9315a754c0	USD	uncollectible	f	2026-0001	ADA-SEAT	\N	2026-01-04 16:42:17.123456+00	2026-04-14 16:42:17.123456+00	2026-01-04 16:42:17.123456+00	2026-02-03 16:42:17.123456+00	30	2026-01-04 16:42:17.123456+00	\N	\N	2026-04-14 16:42:17.123456+00	\N	\N	\N	\N	36000	0	0	0	36000	0	0	36000	0	0	1.0000000000	\N	\N	\N	3	\N	ada@acme.example	Ada Park	\N	\N	\N	\N	\N	\N	\N	\N	\N
019df3de-7aa3-7362-bcb3-449fdbc456da	019b89e3-5aa3-7201-92e1-bc8618eac2e7	\N	USD	open	f	2026-0014	\N	Subscription period 2026-05-04 to 2026-06-04	2026-05-04 16:42:17+00	2026-05-04 16:42:17+00	2026-05-04 16:42:17+00	2026-06-03 16:42:17+00	\N	\N	\N	\N	\N	2026-05-04 16:42:17+00	2026-06-04 16:42:17+00	\N	\N	49900	0	0	0	49900	0	0	49900	0	0	1.0000000000	\N	\N	\N	1	\N	sam@rivera.example	Sam Rivera	\N	Halifax	CA	9 Harbour Rd	\N	B3H 1A1	NS	019d731f-7ea3-715e-92e4-767e4961d409	1
019da69f-16a3-7400-a017-79f5a7024093	019b89e3-5aa3-71fc-be79-d8af4d51b47e	019b89e3-5aa3-71fc-be79-d8af4d51b47e	EUR	open	f	2026-0011	BS-2026-11	\N	2026-04-14 16:42:17.123456+00	2026-04-24 16:42:17.123456+00	2026-04-14 16:42:17.123456+00	2026-05-29 16:42:17.123456+00	45	2026-04-14 16:42:17.123456+00	\N	\N	\N	\N	\N	\N	10.0000	89000	8900	8900	15219	95319	30000	0	65319	0	0	1.0921000000	\N	\N	\N	3	Brandt & Söhne GmbH	rechnung@brandt.example	Brandt & Söhne GmbH	\N	Berlin	DE	Friedrichstraße 12	\N	10117	\N	\N	\N
019dd4f8-5228-70a4-91a8-fcf79bacdf2e	019b89e3-5aa3-71f9-9862-bf9315a754c0	019b89e3-5aa3-71f9-9862-bf9315a754c0	USD	open	f	2026-0012	\N	Subscription period 2026-04-28 to 2026-05-28	2026-04-28 16:42:17+00	2026-04-28 16:42:17+00	2026-04-28 16:42:17+00	2026-05-12 16:42:17+00	14	\N	\N	\N	\N	2026-04-28 16:42:17+00	2026-05-28 16:42:17+00	\N	\N	49900	0	0	0	49900	0	0	49900	0	0	1.0000000000	\N	\N	\N	1	Acme Robotics Inc.	billing@acme.example	Acme Robotics	+12125550123	Brooklyn	US	42 West St	\N	11222	NY	019ca521-1ea3-70d8-a3f9-1d5acbb79ae9	2
019e275e-12a3-71c6-bb7a-0ef9557ba84f	019b89e3-5aa3-71fc-be79-d8af4d51b47e	019b89e3-5aa3-71fc-be79-d8af4d51b47e	EUR	draft	f	\N	BS-2026-12	\N	2026-05-14 16:42:17.123456+00	2026-05-14 16:42:17.123456+00	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	30000	0	0	5700	35700	0	0	35700	\N	\N	\N	\N	\N	\N	0	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N
019e275e-12a3-71c8-a9fe-b3577a265191	019b89e3-5aa3-7201-92e1-bc8618eac2e7	\N	USD	draft	f	\N	\N	Consulting, December	2026-05-14 16:42:17.123456+00	2026-05-14 16:42:17.123456+00	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	57000	0	0	0	57000	0	0	57000	\N	\N	\N	\N	\N	\N	0	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N	\N
019e275e-12a3-71d6-8460-e5dbd1ef31a6	019e275e-12a3-71cc-97b2-8206edd2527d	019e275e-12a3-71cc-97b2-8206edd2527d	USD	paid	f	2026-0015	\N	Subscription period 2026-05-14 to 2026-06-14	2026-05-14 16:42:17.123456+00	2026-05-14 16:42:17.123456+00	2026-05-14 16:42:17.123456+00	2026-05-21 16:42:17.123456+00	7	\N	2026-05-14 16:42:17.123456+00	\N	\N	2026-05-14 16:42:17+00	2026-06-14 16:42:17+00	\N	\N	149700	0	0	0	149700	149700	0	0	0	0	1.0000000000	\N	\N	\N	2	\N	ap@umbrella.example	Umbrella Ltd	\N	London	GB	1 Canada Square	\N	E14 5AB	\N	019e275e-12a3-71ce-bc72-57825d06dee5	0
\.


--
-- Data for Name: number_sequences; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.number_sequences (scope, period, last_value) FROM stdin;
default	2026	15
\.


--
-- Data for Name: payments; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.payments (id, invoice_id, customer_id, currency, amount, credited_to_balance, method, reference, received_at, created_at) FROM stdin;
019c0aa2-56a3-7053-bc3e-e8f05606712f	019bbd62-f2a3-71dd-b938-df3ef02b669b	019b89e3-5aa3-71f9-9862-bf9315a754c0	USD	86101	0	bank_transfer	WIRE-20931	2026-01-29 16:42:17.123456+00	2026-01-29 16:42:17.123456+00
019cbee0-eaa3-709a-a12e-79e474b0d0ba	019ca521-1ea3-70db-8a87-4f73daa1d970	019b89e3-5aa3-71f9-9862-bf9315a754c0	USD	49900	0	card	ch_3PlatformJan	2026-03-05 16:42:17.123456+00	2026-03-05 16:42:17.123456+00
019d25e0-1aa3-7210-9e39-61ab24cea9bd	019cf260-82a3-7083-b8d9-3233122c7f1a	019b89e3-5aa3-71fe-a591-7059f010b5f4	JPY	100000	0	bank_transfer	FURIKOMI-1	2026-03-25 16:42:17.123456+00	2026-03-25 16:42:17.123456+00
019d731f-7ea3-7154-bf65-4ebf41c9476d	019cf260-82a3-7083-b8d9-3233122c7f1a	019b89e3-5aa3-71fe-a591-7059f010b5f4	JPY	43000	0	bank_transfer	FURIKOMI-2	2026-04-09 16:42:17.123456+00	2026-04-09 16:42:17.123456+00
019d731f-7ea3-715d-a6ef-10da3d8d90ce	019d731f-7ea3-715b-8b28-64b3317bf077	019b89e3-5aa3-71f9-9862-bf9315a754c0	USD	49900	0	card	ch_3PlatformFeb	2026-03-31 16:42:17+00	2026-03-31 16:42:17+00
019da69f-16a3-73ff-8d69-77c1ad8a4d63	019d731f-7ea3-7163-9c0d-8f6f73075dd6	019b89e3-5aa3-71ff-9760-f103de45c306	BHD	600000	0	bank_transfer	BENEFIT-5531	2026-04-19 16:42:17.123456+00	2026-04-19 16:42:17.123456+00
019dc05e-e2a3-729e-9408-60d4a4ca32b6	019da69f-16a3-7400-a017-79f5a7024093	019b89e3-5aa3-71fc-be79-d8af4d51b47e	EUR	30000	0	direct_debit	SEPA-88121	2026-04-24 16:42:17.123456+00	2026-04-24 16:42:17.123456+00
019e275e-12a3-71dc-a26c-4c2c7320e2e4	019e275e-12a3-71d6-8460-e5dbd1ef31a6	019e275e-12a3-71cc-97b2-8206edd2527d	USD	152200	2500	card	ch_3UmbrellaMay	2026-05-14 16:42:17.123456+00	2026-05-14 16:42:17.123456+00
\.


--
-- Data for Name: prices; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.prices (id, product_id, currency, unit_amount, type, recurring_interval, recurring_interval_count, tax_rate, tax_inclusive, nickname, lookup_key, metadata, created_at, updated_at, archived_at, version) FROM stdin;
019b89e3-5aa3-7203-a3c0-aeedf7e669c1	019b89e3-5aa3-7202-ae64-242c7347b24f	USD	49900	recurring	month	1	0.0000	f	Monthly	platform_monthly_usd	{}	2026-01-04 16:42:17.123456+00	2026-01-04 16:42:17.123456+00	\N	0
019b89e3-5aa3-7204-971f-72b21a1374a9	019b89e3-5aa3-7202-ae64-242c7347b24f	USD	499000	recurring	year	1	0.0000	f	Yearly	platform_yearly_usd	{}	2026-01-04 16:42:17.123456+00	2026-01-04 16:42:17.123456+00	\N	0
019b89e3-5aa3-7205-8618-69f40d174f74	019b89e3-5aa3-7202-ae64-242c7347b24f	EUR	45900	recurring	month	1	19.0000	f	Monthly	platform_monthly_eur	{}	2026-01-04 16:42:17.123456+00	2026-01-04 16:42:17.123456+00	\N	0
019b89e3-5aa3-7206-b407-bc90c36e8aea	019b89e3-5aa3-7202-ae64-242c7347b24f	EUR	459000	recurring	year	1	19.0000	f	Yearly	platform_yearly_eur	{}	2026-01-04 16:42:17.123456+00	2026-01-04 16:42:17.123456+00	\N	0
019b89e3-5aa3-7208-bc4e-31d949b3ccae	019b89e3-5aa3-7207-bd63-624b561dfc63	USD	150000	one_time	\N	\N	0.0000	f	Setup fee	onboarding_setup_usd	{}	2026-01-04 16:42:17.123456+00	2026-01-04 16:42:17.123456+00	\N	0
019b89e3-5aa3-7209-abec-74a747a4cde3	019b89e3-5aa3-7207-bd63-624b561dfc63	EUR	140000	one_time	\N	\N	19.0000	f	Setup fee	onboarding_setup_eur	{}	2026-01-04 16:42:17.123456+00	2026-01-04 16:42:17.123456+00	\N	0
019e275e-12a3-71d1-9a85-ee5fd86c77a8	019e275e-12a3-71d0-a2a9-4ba8249e365b	CHF	9000	recurring	month	1	8.1000	f	Monthly (CHF)	\N	{}	2026-05-14 16:42:17.123456+00	2026-05-14 16:42:17.123456+00	\N	0
019e275e-12a3-71e0-bfc1-78a5c5274257	019b89e3-5aa3-7207-bd63-624b561dfc63	GBP	120000	one_time	\N	\N	0.0000	f	Setup fee (UK)	onboarding_setup_gbp	{}	2026-05-14 16:42:17.123456+00	2026-05-14 16:42:17.123456+00	2026-05-14 16:42:17.123456+00	1
\.


--
-- Data for Name: products; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.products (id, name, description, metadata, created_at, updated_at, archived_at, version) FROM stdin;
019b89e3-5aa3-7202-ae64-242c7347b24f	Platform subscription	Fleet orchestration for up to 50 robots, per organization	{"plan":"platform"}	2026-01-04 16:42:17.123456+00	2026-01-04 16:42:17.123456+00	\N	0
019b89e3-5aa3-7207-bd63-624b561dfc63	Onboarding	Fleet setup and operator training, once	{}	2026-01-04 16:42:17.123456+00	2026-01-04 16:42:17.123456+00	\N	0
019e275e-12a3-71d0-a2a9-4ba8249e365b	Alpine support	On-site support in Switzerland	{}	2026-05-14 16:42:17.123456+00	2026-05-14 16:42:17.123456+00	\N	0
\.


--
-- Data for Name: subscription_items; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.subscription_items (id, subscription_id, price_id, quantity, "position", effective_from_period, ends_after_period) FROM stdin;
019ca521-1ea3-70d9-a3d6-8e57840e1d4a	019ca521-1ea3-70d8-a3f9-1d5acbb79ae9	019b89e3-5aa3-7203-a3c0-aeedf7e669c1	1.0000	0	0	\N
019d731f-7ea3-715f-b368-e88ff7da6b2d	019d731f-7ea3-715e-92e4-767e4961d409	019b89e3-5aa3-7203-a3c0-aeedf7e669c1	1.0000	0	0	\N
019dc05e-e2a3-72a0-90d5-75c8387d48a2	019dc05e-e2a3-729f-906b-4f6a55ad573c	019b89e3-5aa3-7206-b407-bc90c36e8aea	1.0000	0	0	\N
019e275e-12a3-71d4-976a-3d111eea197d	019e275e-12a3-71d3-9b0d-c287b7688b51	019e275e-12a3-71d1-9a85-ee5fd86c77a8	1.0000	0	0	\N
019e275e-12a3-71cf-a942-ac4a1a243ad1	019e275e-12a3-71ce-bc72-57825d06dee5	019b89e3-5aa3-7203-a3c0-aeedf7e669c1	3.0000	0	0	0
019e275e-12a3-71db-bad1-f0e4b42004f1	019e275e-12a3-71ce-bc72-57825d06dee5	019b89e3-5aa3-7203-a3c0-aeedf7e669c1	5.0000	0	1	\N
\.


--
-- Data for Name: subscriptions; Type: TABLE DATA; Schema: public; Owner: -
--

COPY public.subscriptions (id, customer_id, organization_id, currency, start_at, trial_end, billing_anchor, status, cancel_at_period_end, canceled_at, ended_at, next_period_index, next_bill_at, days_until_due, created_at, updated_at, version, interval_count, "interval") FROM stdin;
019dc05e-e2a3-729f-906b-4f6a55ad573c	019b89e3-5aa3-71fc-be79-d8af4d51b47e	019b89e3-5aa3-71fc-be79-d8af4d51b47e	EUR	2026-04-24 16:42:17+00	2026-05-24 16:42:17+00	2026-05-24 16:42:17+00	active	f	\N	\N	0	2026-05-24 16:42:17+00	30	2026-04-24 16:42:17.123456+00	2026-04-24 16:42:17.123456+00	0	1	year
019ca521-1ea3-70d8-a3f9-1d5acbb79ae9	019b89e3-5aa3-71f9-9862-bf9315a754c0	019b89e3-5aa3-71f9-9862-bf9315a754c0	USD	2026-02-28 16:42:17+00	\N	2026-02-28 16:42:17+00	active	f	\N	\N	3	2026-05-28 16:42:17+00	14	2026-02-28 16:42:17.123456+00	2026-04-28 16:42:17+00	3	1	month
019d731f-7ea3-715e-92e4-767e4961d409	019b89e3-5aa3-7201-92e1-bc8618eac2e7	\N	USD	2026-04-04 16:42:17+00	\N	2026-04-04 16:42:17+00	active	t	2026-05-09 16:42:17+00	2026-06-04 16:42:17+00	2	\N	\N	2026-04-04 16:42:17.123456+00	2026-05-09 16:42:17.123456+00	3	1	month
019e275e-12a3-71d3-9b0d-c287b7688b51	019e275e-12a3-71d2-adcb-706869e385e4	019e275e-12a3-71d2-adcb-706869e385e4	CHF	2026-05-14 16:42:17+00	\N	2026-05-14 16:42:17+00	active	f	\N	\N	0	2026-05-14 16:42:17+00	\N	2026-05-14 16:42:17.123456+00	2026-05-14 16:42:17.123456+00	0	1	month
019e275e-12a3-71ce-bc72-57825d06dee5	019e275e-12a3-71cc-97b2-8206edd2527d	019e275e-12a3-71cc-97b2-8206edd2527d	USD	2026-05-14 16:42:17+00	\N	2026-05-14 16:42:17+00	active	f	\N	\N	1	2026-06-14 16:42:17+00	7	2026-05-14 16:42:17.123456+00	2026-05-14 16:42:17.123456+00	2	1	month
\.


--
-- Name: ef_migrations_history PK_ef_migrations_history; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.ef_migrations_history
    ADD CONSTRAINT "PK_ef_migrations_history" PRIMARY KEY ("MigrationId");


--
-- Name: api_keys pk_api_keys; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT pk_api_keys PRIMARY KEY (id);


--
-- Name: bill_run_failures pk_bill_run_failures; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.bill_run_failures
    ADD CONSTRAINT pk_bill_run_failures PRIMARY KEY (id);


--
-- Name: bill_run_leases pk_bill_run_leases; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.bill_run_leases
    ADD CONSTRAINT pk_bill_run_leases PRIMARY KEY (id);


--
-- Name: bill_runs pk_bill_runs; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.bill_runs
    ADD CONSTRAINT pk_bill_runs PRIMARY KEY (id);


--
-- Name: billing_connections pk_billing_connections; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.billing_connections
    ADD CONSTRAINT pk_billing_connections PRIMARY KEY (id);


--
-- Name: credit_transactions pk_credit_transactions; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_transactions
    ADD CONSTRAINT pk_credit_transactions PRIMARY KEY (id);


--
-- Name: customers pk_customers; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers
    ADD CONSTRAINT pk_customers PRIMARY KEY (id);


--
-- Name: exchange_rates pk_exchange_rates; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.exchange_rates
    ADD CONSTRAINT pk_exchange_rates PRIMARY KEY (currency);


--
-- Name: invoice_items pk_invoice_items; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invoice_items
    ADD CONSTRAINT pk_invoice_items PRIMARY KEY (id);


--
-- Name: invoices pk_invoices; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invoices
    ADD CONSTRAINT pk_invoices PRIMARY KEY (id);


--
-- Name: number_sequences pk_number_sequences; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.number_sequences
    ADD CONSTRAINT pk_number_sequences PRIMARY KEY (scope, period);


--
-- Name: payments pk_payments; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.payments
    ADD CONSTRAINT pk_payments PRIMARY KEY (id);


--
-- Name: prices pk_prices; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.prices
    ADD CONSTRAINT pk_prices PRIMARY KEY (id);


--
-- Name: products pk_products; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.products
    ADD CONSTRAINT pk_products PRIMARY KEY (id);


--
-- Name: subscription_items pk_subscription_items; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.subscription_items
    ADD CONSTRAINT pk_subscription_items PRIMARY KEY (id);


--
-- Name: subscriptions pk_subscriptions; Type: CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.subscriptions
    ADD CONSTRAINT pk_subscriptions PRIMARY KEY (id);


--
-- Name: IX_api_keys_organization_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_api_keys_organization_id" ON public.api_keys USING btree (organization_id);


--
-- Name: IX_api_keys_prefix; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX "IX_api_keys_prefix" ON public.api_keys USING btree (prefix);


--
-- Name: IX_bill_run_failures_bill_run_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_bill_run_failures_bill_run_id" ON public.bill_run_failures USING btree (bill_run_id);


--
-- Name: IX_credit_transactions_customer_id_currency_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_credit_transactions_customer_id_currency_id" ON public.credit_transactions USING btree (customer_id, currency, id);


--
-- Name: IX_customers_email; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_customers_email" ON public.customers USING btree (email);


--
-- Name: IX_customers_organization_id_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_customers_organization_id_id" ON public.customers USING btree (organization_id, id);


--
-- Name: IX_invoice_items_invoice_id_position; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_invoice_items_invoice_id_position" ON public.invoice_items USING btree (invoice_id, "position");


--
-- Name: IX_invoice_items_price_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_invoice_items_price_id" ON public.invoice_items USING btree (price_id);


--
-- Name: IX_invoices_connection_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_invoices_connection_id" ON public.invoices USING btree (connection_id);


--
-- Name: IX_invoices_customer_id_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_invoices_customer_id_id" ON public.invoices USING btree (customer_id, id);


--
-- Name: IX_invoices_number; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX "IX_invoices_number" ON public.invoices USING btree (number);


--
-- Name: IX_invoices_organization_id_created_at_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_invoices_organization_id_created_at_id" ON public.invoices USING btree (organization_id, created_at, id);


--
-- Name: IX_invoices_organization_id_due_at_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_invoices_organization_id_due_at_id" ON public.invoices USING btree (organization_id, due_at, id);


--
-- Name: IX_invoices_organization_id_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_invoices_organization_id_id" ON public.invoices USING btree (organization_id, id);


--
-- Name: IX_invoices_status_due_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_invoices_status_due_at" ON public.invoices USING btree (status, due_at);


--
-- Name: IX_invoices_status_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_invoices_status_id" ON public.invoices USING btree (status, id);


--
-- Name: IX_invoices_subscription_id_subscription_period; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX "IX_invoices_subscription_id_subscription_period" ON public.invoices USING btree (subscription_id, subscription_period);


--
-- Name: IX_payments_customer_id_received_at; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_payments_customer_id_received_at" ON public.payments USING btree (customer_id, received_at);


--
-- Name: IX_payments_invoice_id_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_payments_invoice_id_id" ON public.payments USING btree (invoice_id, id);


--
-- Name: IX_prices_archived_at_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_prices_archived_at_id" ON public.prices USING btree (archived_at, id);


--
-- Name: IX_prices_currency_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_prices_currency_id" ON public.prices USING btree (currency, id);


--
-- Name: IX_prices_lookup_key; Type: INDEX; Schema: public; Owner: -
--

CREATE UNIQUE INDEX "IX_prices_lookup_key" ON public.prices USING btree (lookup_key) WHERE ((archived_at IS NULL) AND (lookup_key IS NOT NULL));


--
-- Name: IX_prices_lookup_key_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_prices_lookup_key_id" ON public.prices USING btree (lookup_key, id);


--
-- Name: IX_prices_product_id_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_prices_product_id_id" ON public.prices USING btree (product_id, id);


--
-- Name: IX_prices_type_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_prices_type_id" ON public.prices USING btree (type, id);


--
-- Name: IX_products_archived_at_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_products_archived_at_id" ON public.products USING btree (archived_at, id);


--
-- Name: IX_subscription_items_price_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_subscription_items_price_id" ON public.subscription_items USING btree (price_id);


--
-- Name: IX_subscription_items_subscription_id_effective_from_period; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_subscription_items_subscription_id_effective_from_period" ON public.subscription_items USING btree (subscription_id, effective_from_period);


--
-- Name: IX_subscriptions_customer_id_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_subscriptions_customer_id_id" ON public.subscriptions USING btree (customer_id, id);


--
-- Name: IX_subscriptions_next_bill_at_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_subscriptions_next_bill_at_id" ON public.subscriptions USING btree (next_bill_at, id);


--
-- Name: IX_subscriptions_organization_id_id; Type: INDEX; Schema: public; Owner: -
--

CREATE INDEX "IX_subscriptions_organization_id_id" ON public.subscriptions USING btree (organization_id, id);


--
-- Name: api_keys FK_api_keys_customers_organization_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.api_keys
    ADD CONSTRAINT "FK_api_keys_customers_organization_id" FOREIGN KEY (organization_id) REFERENCES public.customers(id) ON DELETE RESTRICT;


--
-- Name: bill_run_failures FK_bill_run_failures_bill_runs_bill_run_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.bill_run_failures
    ADD CONSTRAINT "FK_bill_run_failures_bill_runs_bill_run_id" FOREIGN KEY (bill_run_id) REFERENCES public.bill_runs(id) ON DELETE CASCADE;


--
-- Name: credit_transactions FK_credit_transactions_customers_customer_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.credit_transactions
    ADD CONSTRAINT "FK_credit_transactions_customers_customer_id" FOREIGN KEY (customer_id) REFERENCES public.customers(id) ON DELETE RESTRICT;


--
-- Name: customers FK_customers_customers_organization_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.customers
    ADD CONSTRAINT "FK_customers_customers_organization_id" FOREIGN KEY (organization_id) REFERENCES public.customers(id) ON DELETE RESTRICT;


--
-- Name: invoice_items FK_invoice_items_invoices_invoice_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invoice_items
    ADD CONSTRAINT "FK_invoice_items_invoices_invoice_id" FOREIGN KEY (invoice_id) REFERENCES public.invoices(id) ON DELETE CASCADE;


--
-- Name: invoices FK_invoices_customers_customer_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.invoices
    ADD CONSTRAINT "FK_invoices_customers_customer_id" FOREIGN KEY (customer_id) REFERENCES public.customers(id) ON DELETE RESTRICT;


--
-- Name: payments FK_payments_invoices_invoice_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.payments
    ADD CONSTRAINT "FK_payments_invoices_invoice_id" FOREIGN KEY (invoice_id) REFERENCES public.invoices(id) ON DELETE RESTRICT;


--
-- Name: prices FK_prices_products_product_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.prices
    ADD CONSTRAINT "FK_prices_products_product_id" FOREIGN KEY (product_id) REFERENCES public.products(id) ON DELETE RESTRICT;


--
-- Name: subscription_items FK_subscription_items_subscriptions_subscription_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.subscription_items
    ADD CONSTRAINT "FK_subscription_items_subscriptions_subscription_id" FOREIGN KEY (subscription_id) REFERENCES public.subscriptions(id) ON DELETE CASCADE;


--
-- Name: subscriptions FK_subscriptions_customers_customer_id; Type: FK CONSTRAINT; Schema: public; Owner: -
--

ALTER TABLE ONLY public.subscriptions
    ADD CONSTRAINT "FK_subscriptions_customers_customer_id" FOREIGN KEY (customer_id) REFERENCES public.customers(id) ON DELETE RESTRICT;


--
-- PostgreSQL database dump complete
--

\unrestrict U8hYSRwCtaTsaCr2hK3zJci51gSiK0c0mk15zUOthUeSUKSaTSQ2hOWSGBdmC1G

