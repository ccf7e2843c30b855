-- AlterTable
ALTER TABLE "Registration" ADD COLUMN     "inviteWithdrawals" INTEGER NOT NULL DEFAULT 0;

