#!/bin/bash
# cspjob @job@ as a Slurm batch job. Written by `cspjob sbatch`; submit it with sbatch.
#SBATCH --job-name=@name@
#SBATCH --nodes=@nodes@
#SBATCH --ntasks-per-node=@ppn@
#SBATCH --time=@walltime@
@queue@
#SBATCH --output=@name@-%j.out
@run@
