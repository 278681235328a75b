namespace IlioCare.Clinical.Assessment;

// The closed vocabularies of the assessment (SPEC §3). Their wire names come from WireName
// (kebab-case): FrontOfHip ⇄ "front-of-hip". Adding a member changes the contract: SPEC first.

public enum Side { Left, Right, Both }

public enum Sex { Female, Male, Other }

/// <summary>Where it hurts (SPEC §3; the article: front of the hip, groin, down the thigh to the knee, buttocks).</summary>
public enum PainSite { FrontOfHip, Groin, OuterHip, FrontOfThigh, Knee, Buttock, LowerBack, BelowKnee }

/// <summary>What makes it worse (SPEC §3; the article's list under "Symptoms of iliopsoas muscle pain").</summary>
public enum Aggravator
{
    HipFlexion, Running, Kicking, RisingFromSitting, LegExtensionDriving, Stairs, KneeToChest, LyingDown,
}

/// <summary>The patient's sports (SPEC §3; the article: "running, rowing, cycling and strength training").</summary>
public enum Activity { Running, Rowing, Cycling, StrengthTraining, KickingSports, Dance, Other }
