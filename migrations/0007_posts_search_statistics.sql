-- The planner's estimate for a word comes from the most common lexemes sampled by ANALYZE; a word not
-- among them was guessed at ~0.1% of posts (934 of 1M). For "newest first" that made walking
-- posts_created backwards look cheaper than the GIN index, and a rare word scanned half the table
-- (300 ms at 1M posts in bench:search). Ten times the default sample keeps ~10,000 lexemes, so a rare
-- word is estimated as rare and found through the GIN index.
ALTER TABLE "posts" ALTER COLUMN "search" SET STATISTICS 1000;
--> statement-breakpoint
ANALYZE "posts";
