CREATE SCHEMA "lms";
--> statement-breakpoint
CREATE TABLE "lms"."assignments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"course_id" uuid NOT NULL,
	"title" text NOT NULL,
	"instructions" text,
	"due_at" timestamp with time zone NOT NULL,
	"hard_deadline_at" timestamp with time zone,
	"late_policy" text DEFAULT 'per-day' NOT NULL,
	"late_penalty_percent" double precision DEFAULT 10 NOT NULL,
	"late_penalty_max_percent" double precision DEFAULT 100 NOT NULL,
	"submission_types" jsonb DEFAULT '["text"]'::jsonb NOT NULL,
	"max_submissions" integer DEFAULT 1 NOT NULL,
	"max_points" double precision DEFAULT 100 NOT NULL,
	"rubric_id" uuid,
	"grades_released" boolean DEFAULT false NOT NULL,
	CONSTRAINT "assignments_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "lms"."certificates" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"course_id" uuid NOT NULL,
	"learner_id" uuid NOT NULL,
	"code" text,
	"learner_name" text NOT NULL,
	"grade_percent" double precision NOT NULL,
	"issued_at" timestamp with time zone,
	"signature" text,
	"revoked_at" timestamp with time zone,
	CONSTRAINT "certificates_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "lms"."cohorts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"course_id" uuid NOT NULL,
	"name" text NOT NULL,
	"start_date" date NOT NULL,
	CONSTRAINT "cohorts_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "lms"."courses" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"deleted_at" timestamp with time zone,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"title" text NOT NULL,
	"code" text NOT NULL,
	"summary" text,
	"status" text DEFAULT 'draft' NOT NULL,
	"sequential" boolean DEFAULT false NOT NULL,
	"release_conditions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"passing_percent" double precision DEFAULT 50 NOT NULL,
	"self_enrolment" boolean DEFAULT false NOT NULL,
	CONSTRAINT "courses_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "lms"."enrollments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"course_id" uuid NOT NULL,
	"user_id" uuid NOT NULL,
	"role" text DEFAULT 'learner' NOT NULL,
	"cohort_id" uuid,
	"source" text DEFAULT 'instructor' NOT NULL,
	"status" text DEFAULT 'active' NOT NULL,
	"enrolled_at" timestamp with time zone,
	"completed_at" timestamp with time zone,
	CONSTRAINT "enrollments_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "lms"."enrolment_keys" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"course_id" uuid NOT NULL,
	"hash" text NOT NULL,
	CONSTRAINT "enrolment_keys_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "lms"."grade_categories" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"course_id" uuid NOT NULL,
	"name" text NOT NULL,
	"weight_percent" double precision NOT NULL,
	"drop_lowest" integer DEFAULT 0 NOT NULL,
	"drop_highest" integer DEFAULT 0 NOT NULL,
	"rank" text,
	CONSTRAINT "grade_categories_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "lms"."grade_entries" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"grade_item_id" uuid NOT NULL,
	"learner_id" uuid NOT NULL,
	"points" double precision,
	"excused" boolean DEFAULT false NOT NULL,
	CONSTRAINT "grade_entries_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "lms"."grade_items" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"course_id" uuid NOT NULL,
	"category_id" uuid NOT NULL,
	"title" text NOT NULL,
	"source" text DEFAULT 'manual' NOT NULL,
	"assignment_id" uuid,
	"quiz_id" uuid,
	"max_points" double precision DEFAULT 100 NOT NULL,
	"rank" text,
	CONSTRAINT "grade_items_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "lms"."lesson_progress" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"lesson_id" uuid NOT NULL,
	"course_id" uuid,
	"learner_id" uuid,
	"completed_at" timestamp with time zone,
	CONSTRAINT "lesson_progress_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "lms"."lessons" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"course_id" uuid NOT NULL,
	"section_id" uuid NOT NULL,
	"title" text NOT NULL,
	"kind" text DEFAULT 'text' NOT NULL,
	"body" text,
	"media_url" text,
	"quiz_id" uuid,
	"assignment_id" uuid,
	"rank" text,
	"release_conditions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "lessons_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "lms"."questions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"course_id" uuid NOT NULL,
	"type" text DEFAULT 'single-choice' NOT NULL,
	"prompt" text NOT NULL,
	"options" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"match_prompts" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"answer_key" jsonb,
	"points" double precision DEFAULT 1 NOT NULL,
	"feedback" text,
	CONSTRAINT "questions_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "lms"."quiz_attempts" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"quiz_id" uuid NOT NULL,
	"course_id" uuid,
	"learner_id" uuid,
	"attempt_number" integer,
	"status" text DEFAULT 'in-progress' NOT NULL,
	"question_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"started_at" timestamp with time zone,
	"deadline_at" timestamp with time zone,
	"submitted_at" timestamp with time zone,
	"answers" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"points" double precision,
	"max_points" double precision,
	"needs_manual_grading" boolean DEFAULT false NOT NULL,
	CONSTRAINT "quiz_attempts_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "lms"."quizzes" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"course_id" uuid NOT NULL,
	"title" text NOT NULL,
	"question_ids" jsonb DEFAULT '[]'::jsonb NOT NULL,
	"attempts_limit" integer DEFAULT 1 NOT NULL,
	"time_limit_minutes" integer,
	"shuffle" boolean DEFAULT false NOT NULL,
	"grade_method" text DEFAULT 'highest' NOT NULL,
	"feedback_mode" text DEFAULT 'score' NOT NULL,
	"max_points" double precision,
	CONSTRAINT "quizzes_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "lms"."rubric_assessments" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"submission_id" uuid NOT NULL,
	"assignment_id" uuid,
	"course_id" uuid,
	"learner_id" uuid,
	"ratings" jsonb,
	"comments" jsonb,
	"feedback" text,
	"raw_points" double precision,
	"points" double precision,
	"released" boolean DEFAULT false NOT NULL,
	CONSTRAINT "rubric_assessments_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "lms"."rubrics" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"course_id" uuid NOT NULL,
	"title" text NOT NULL,
	"criteria" jsonb NOT NULL,
	CONSTRAINT "rubrics_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "lms"."sections" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"course_id" uuid NOT NULL,
	"title" text NOT NULL,
	"rank" text,
	"release_conditions" jsonb DEFAULT '[]'::jsonb NOT NULL,
	CONSTRAINT "sections_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
CREATE TABLE "lms"."submissions" (
	"id" uuid PRIMARY KEY DEFAULT gen_random_uuid() NOT NULL,
	"tenant_id" uuid NOT NULL,
	"version" integer DEFAULT 1 NOT NULL,
	"created_at" timestamp with time zone DEFAULT now() NOT NULL,
	"updated_at" timestamp with time zone DEFAULT now() NOT NULL,
	"created_by" uuid,
	"updated_by" uuid,
	"custom" jsonb DEFAULT '{}'::jsonb NOT NULL,
	"assignment_id" uuid NOT NULL,
	"course_id" uuid,
	"learner_id" uuid,
	"attempt" integer,
	"text" text,
	"url" text,
	"file_ref" text,
	"submitted_at" timestamp with time zone,
	"late_penalty_percent" double precision DEFAULT 0 NOT NULL,
	"status" text DEFAULT 'submitted' NOT NULL,
	CONSTRAINT "submissions_tenant_id_id_key" UNIQUE("tenant_id","id")
);
--> statement-breakpoint
ALTER TABLE "lms"."assignments" ADD CONSTRAINT "assignments_course_id_fkey" FOREIGN KEY ("tenant_id","course_id") REFERENCES "lms"."courses"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lms"."assignments" ADD CONSTRAINT "assignments_rubric_id_fkey" FOREIGN KEY ("tenant_id","rubric_id") REFERENCES "lms"."rubrics"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lms"."certificates" ADD CONSTRAINT "certificates_course_id_fkey" FOREIGN KEY ("tenant_id","course_id") REFERENCES "lms"."courses"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lms"."cohorts" ADD CONSTRAINT "cohorts_course_id_fkey" FOREIGN KEY ("tenant_id","course_id") REFERENCES "lms"."courses"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lms"."enrollments" ADD CONSTRAINT "enrollments_course_id_fkey" FOREIGN KEY ("tenant_id","course_id") REFERENCES "lms"."courses"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lms"."enrollments" ADD CONSTRAINT "enrollments_cohort_id_fkey" FOREIGN KEY ("tenant_id","cohort_id") REFERENCES "lms"."cohorts"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lms"."enrolment_keys" ADD CONSTRAINT "enrolment_keys_course_id_fkey" FOREIGN KEY ("tenant_id","course_id") REFERENCES "lms"."courses"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lms"."grade_categories" ADD CONSTRAINT "grade_categories_course_id_fkey" FOREIGN KEY ("tenant_id","course_id") REFERENCES "lms"."courses"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lms"."grade_entries" ADD CONSTRAINT "grade_entries_grade_item_id_fkey" FOREIGN KEY ("tenant_id","grade_item_id") REFERENCES "lms"."grade_items"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lms"."grade_items" ADD CONSTRAINT "grade_items_course_id_fkey" FOREIGN KEY ("tenant_id","course_id") REFERENCES "lms"."courses"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lms"."grade_items" ADD CONSTRAINT "grade_items_category_id_fkey" FOREIGN KEY ("tenant_id","category_id") REFERENCES "lms"."grade_categories"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lms"."grade_items" ADD CONSTRAINT "grade_items_assignment_id_fkey" FOREIGN KEY ("tenant_id","assignment_id") REFERENCES "lms"."assignments"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lms"."grade_items" ADD CONSTRAINT "grade_items_quiz_id_fkey" FOREIGN KEY ("tenant_id","quiz_id") REFERENCES "lms"."quizzes"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lms"."lesson_progress" ADD CONSTRAINT "lesson_progress_lesson_id_fkey" FOREIGN KEY ("tenant_id","lesson_id") REFERENCES "lms"."lessons"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lms"."lesson_progress" ADD CONSTRAINT "lesson_progress_course_id_fkey" FOREIGN KEY ("tenant_id","course_id") REFERENCES "lms"."courses"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lms"."lessons" ADD CONSTRAINT "lessons_course_id_fkey" FOREIGN KEY ("tenant_id","course_id") REFERENCES "lms"."courses"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lms"."lessons" ADD CONSTRAINT "lessons_section_id_fkey" FOREIGN KEY ("tenant_id","section_id") REFERENCES "lms"."sections"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lms"."lessons" ADD CONSTRAINT "lessons_quiz_id_fkey" FOREIGN KEY ("tenant_id","quiz_id") REFERENCES "lms"."quizzes"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lms"."lessons" ADD CONSTRAINT "lessons_assignment_id_fkey" FOREIGN KEY ("tenant_id","assignment_id") REFERENCES "lms"."assignments"("tenant_id","id") ON DELETE restrict ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lms"."questions" ADD CONSTRAINT "questions_course_id_fkey" FOREIGN KEY ("tenant_id","course_id") REFERENCES "lms"."courses"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lms"."quiz_attempts" ADD CONSTRAINT "quiz_attempts_quiz_id_fkey" FOREIGN KEY ("tenant_id","quiz_id") REFERENCES "lms"."quizzes"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lms"."quiz_attempts" ADD CONSTRAINT "quiz_attempts_course_id_fkey" FOREIGN KEY ("tenant_id","course_id") REFERENCES "lms"."courses"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lms"."quizzes" ADD CONSTRAINT "quizzes_course_id_fkey" FOREIGN KEY ("tenant_id","course_id") REFERENCES "lms"."courses"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lms"."rubric_assessments" ADD CONSTRAINT "rubric_assessments_submission_id_fkey" FOREIGN KEY ("tenant_id","submission_id") REFERENCES "lms"."submissions"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lms"."rubric_assessments" ADD CONSTRAINT "rubric_assessments_assignment_id_fkey" FOREIGN KEY ("tenant_id","assignment_id") REFERENCES "lms"."assignments"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lms"."rubric_assessments" ADD CONSTRAINT "rubric_assessments_course_id_fkey" FOREIGN KEY ("tenant_id","course_id") REFERENCES "lms"."courses"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lms"."rubrics" ADD CONSTRAINT "rubrics_course_id_fkey" FOREIGN KEY ("tenant_id","course_id") REFERENCES "lms"."courses"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lms"."sections" ADD CONSTRAINT "sections_course_id_fkey" FOREIGN KEY ("tenant_id","course_id") REFERENCES "lms"."courses"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lms"."submissions" ADD CONSTRAINT "submissions_assignment_id_fkey" FOREIGN KEY ("tenant_id","assignment_id") REFERENCES "lms"."assignments"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
ALTER TABLE "lms"."submissions" ADD CONSTRAINT "submissions_course_id_fkey" FOREIGN KEY ("tenant_id","course_id") REFERENCES "lms"."courses"("tenant_id","id") ON DELETE cascade ON UPDATE no action;--> statement-breakpoint
CREATE INDEX "assignments_tenant_id_created_at_idx" ON "lms"."assignments" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "assignments_course_id_due_at_idx" ON "lms"."assignments" USING btree ("tenant_id","course_id","due_at");--> statement-breakpoint
CREATE INDEX "certificates_tenant_id_created_at_idx" ON "lms"."certificates" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_code_key" ON "lms"."certificates" USING btree ("tenant_id","code");--> statement-breakpoint
CREATE UNIQUE INDEX "certificates_course_id_learner_id_key" ON "lms"."certificates" USING btree ("tenant_id","course_id","learner_id");--> statement-breakpoint
CREATE INDEX "cohorts_tenant_id_created_at_idx" ON "lms"."cohorts" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "cohorts_course_id_name_key" ON "lms"."cohorts" USING btree ("tenant_id","course_id","name");--> statement-breakpoint
CREATE INDEX "courses_tenant_id_created_at_idx" ON "lms"."courses" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "courses_code_key" ON "lms"."courses" USING btree ("tenant_id","code") WHERE "lms"."courses"."deleted_at" is null;--> statement-breakpoint
CREATE INDEX "enrollments_tenant_id_created_at_idx" ON "lms"."enrollments" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "enrollments_user_id_idx" ON "lms"."enrollments" USING btree ("tenant_id","user_id");--> statement-breakpoint
CREATE INDEX "enrollments_cohort_id_idx" ON "lms"."enrollments" USING btree ("tenant_id","cohort_id");--> statement-breakpoint
CREATE UNIQUE INDEX "enrollments_course_id_user_id_key" ON "lms"."enrollments" USING btree ("tenant_id","course_id","user_id");--> statement-breakpoint
CREATE INDEX "enrolment_keys_tenant_id_created_at_idx" ON "lms"."enrolment_keys" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "enrolment_keys_course_id_key" ON "lms"."enrolment_keys" USING btree ("tenant_id","course_id");--> statement-breakpoint
CREATE INDEX "grade_categories_tenant_id_created_at_idx" ON "lms"."grade_categories" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE UNIQUE INDEX "grade_categories_course_id_name_key" ON "lms"."grade_categories" USING btree ("tenant_id","course_id","name");--> statement-breakpoint
CREATE INDEX "grade_entries_tenant_id_created_at_idx" ON "lms"."grade_entries" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "grade_entries_learner_id_idx" ON "lms"."grade_entries" USING btree ("tenant_id","learner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "grade_entries_grade_item_id_learner_id_key" ON "lms"."grade_entries" USING btree ("tenant_id","grade_item_id","learner_id");--> statement-breakpoint
CREATE INDEX "grade_items_tenant_id_created_at_idx" ON "lms"."grade_items" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "grade_items_course_id_rank_idx" ON "lms"."grade_items" USING btree ("tenant_id","course_id","rank");--> statement-breakpoint
CREATE INDEX "grade_items_category_id_idx" ON "lms"."grade_items" USING btree ("tenant_id","category_id");--> statement-breakpoint
CREATE INDEX "lesson_progress_tenant_id_created_at_idx" ON "lms"."lesson_progress" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "lesson_progress_course_id_learner_id_idx" ON "lms"."lesson_progress" USING btree ("tenant_id","course_id","learner_id");--> statement-breakpoint
CREATE UNIQUE INDEX "lesson_progress_lesson_id_learner_id_key" ON "lms"."lesson_progress" USING btree ("tenant_id","lesson_id","learner_id");--> statement-breakpoint
CREATE INDEX "lessons_tenant_id_created_at_idx" ON "lms"."lessons" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "lessons_section_id_rank_idx" ON "lms"."lessons" USING btree ("tenant_id","section_id","rank");--> statement-breakpoint
CREATE INDEX "lessons_course_id_idx" ON "lms"."lessons" USING btree ("tenant_id","course_id");--> statement-breakpoint
CREATE INDEX "lessons_quiz_id_idx" ON "lms"."lessons" USING btree ("tenant_id","quiz_id");--> statement-breakpoint
CREATE INDEX "lessons_assignment_id_idx" ON "lms"."lessons" USING btree ("tenant_id","assignment_id");--> statement-breakpoint
CREATE INDEX "questions_tenant_id_created_at_idx" ON "lms"."questions" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "questions_course_id_type_idx" ON "lms"."questions" USING btree ("tenant_id","course_id","type");--> statement-breakpoint
CREATE INDEX "quiz_attempts_tenant_id_created_at_idx" ON "lms"."quiz_attempts" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "quiz_attempts_learner_id_idx" ON "lms"."quiz_attempts" USING btree ("tenant_id","learner_id");--> statement-breakpoint
CREATE INDEX "quiz_attempts_course_id_idx" ON "lms"."quiz_attempts" USING btree ("tenant_id","course_id");--> statement-breakpoint
CREATE UNIQUE INDEX "quiz_attempts_quiz_id_learner_id_attempt_number_key" ON "lms"."quiz_attempts" USING btree ("tenant_id","quiz_id","learner_id","attempt_number");--> statement-breakpoint
CREATE INDEX "quizzes_tenant_id_created_at_idx" ON "lms"."quizzes" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "quizzes_course_id_idx" ON "lms"."quizzes" USING btree ("tenant_id","course_id");--> statement-breakpoint
CREATE INDEX "rubric_assessments_tenant_id_created_at_idx" ON "lms"."rubric_assessments" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "rubric_assessments_assignment_id_learner_id_idx" ON "lms"."rubric_assessments" USING btree ("tenant_id","assignment_id","learner_id");--> statement-breakpoint
CREATE INDEX "rubric_assessments_course_id_idx" ON "lms"."rubric_assessments" USING btree ("tenant_id","course_id");--> statement-breakpoint
CREATE UNIQUE INDEX "rubric_assessments_submission_id_key" ON "lms"."rubric_assessments" USING btree ("tenant_id","submission_id");--> statement-breakpoint
CREATE INDEX "rubrics_tenant_id_created_at_idx" ON "lms"."rubrics" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sections_tenant_id_created_at_idx" ON "lms"."sections" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "sections_course_id_rank_idx" ON "lms"."sections" USING btree ("tenant_id","course_id","rank");--> statement-breakpoint
CREATE INDEX "submissions_tenant_id_created_at_idx" ON "lms"."submissions" USING btree ("tenant_id","created_at","id");--> statement-breakpoint
CREATE INDEX "submissions_learner_id_idx" ON "lms"."submissions" USING btree ("tenant_id","learner_id");--> statement-breakpoint
CREATE INDEX "submissions_course_id_idx" ON "lms"."submissions" USING btree ("tenant_id","course_id");--> statement-breakpoint
CREATE UNIQUE INDEX "submissions_assignment_id_learner_id_attempt_key" ON "lms"."submissions" USING btree ("tenant_id","assignment_id","learner_id","attempt");