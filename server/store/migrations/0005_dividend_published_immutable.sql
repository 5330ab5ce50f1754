-- A published dividend run (公示) and its lines are never changed or deleted: a correction is a new
-- run that supersedes it. Drafts may still be published or replaced.
CREATE FUNCTION dividend_runs_published_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF OLD.status = 'published' THEN
    RAISE EXCEPTION 'published dividend run % is immutable (% refused)', OLD.id, TG_OP;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER dividend_runs_no_change_once_published
  BEFORE UPDATE OR DELETE ON dividend_runs
  FOR EACH ROW EXECUTE FUNCTION dividend_runs_published_immutable();
--> statement-breakpoint
CREATE FUNCTION dividend_lines_published_immutable() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
  run_status text;
BEGIN
  SELECT status INTO run_status FROM dividend_runs
    WHERE id = CASE WHEN TG_OP = 'INSERT' THEN NEW.run_id ELSE OLD.run_id END;
  IF run_status = 'published' THEN
    RAISE EXCEPTION 'lines of published dividend run are immutable (% refused)', TG_OP;
  END IF;
  RETURN CASE WHEN TG_OP = 'DELETE' THEN OLD ELSE NEW END;
END;
$$;
--> statement-breakpoint
CREATE TRIGGER dividend_lines_no_change_once_published
  BEFORE INSERT OR UPDATE OR DELETE ON dividend_lines
  FOR EACH ROW EXECUTE FUNCTION dividend_lines_published_immutable();
