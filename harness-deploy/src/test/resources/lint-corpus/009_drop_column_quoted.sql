ALTER TABLE "Users" DROP COLUMN "Email Address";
